mlfq.py -n 1 -q 3 -l 0,10,4:0,8,0 -c
