mlfq.py -l 0,10:5,5,5 -c
