mlfq.py -l 0,20,3:0,20,0 -q 4 -S -I -c
