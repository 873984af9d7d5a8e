mlfq.py -l 0,30,5:0,30,0 -q 5 -S -c
