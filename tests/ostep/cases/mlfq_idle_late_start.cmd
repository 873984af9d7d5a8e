mlfq.py -l 5,4,0:12,3,2 -c
