mlfq.py -l 0,10,2:0,10,3 -i 0 -c
