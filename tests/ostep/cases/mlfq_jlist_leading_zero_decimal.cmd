mlfq.py -l 0,010,0 -Q 05,3 -c
