mlfq.py -s 3 -j 2 -m 20 -M 0 -c
