mlfq.py -l 0,10,2:7,5,0 -i 5 -c
