mlfq.py -l 0,3,0:1,0,0 -c
