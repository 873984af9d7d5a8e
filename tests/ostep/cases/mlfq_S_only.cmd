mlfq.py -l 0,30,7:0,30,0 -q 10 -S -c
