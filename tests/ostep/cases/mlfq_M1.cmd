mlfq.py -s 3 -j 2 -m 12 -M 1 -c
