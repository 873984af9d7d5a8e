mlfq.py -Q 10,10,10 -A 1,0,1 -c
