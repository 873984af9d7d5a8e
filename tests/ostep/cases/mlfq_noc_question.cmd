mlfq.py -s 7 -j 4
