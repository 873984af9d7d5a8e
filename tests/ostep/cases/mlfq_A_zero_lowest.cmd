mlfq.py -n 2 -A 2,0 -q 5 -l 0,40,0 -c
