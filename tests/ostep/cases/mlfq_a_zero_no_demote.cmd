mlfq.py -a 0 -n 2 -q 5 -l 0,25,0 -c
