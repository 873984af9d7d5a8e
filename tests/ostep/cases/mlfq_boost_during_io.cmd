mlfq.py -l 0,30,4:0,40,0 -q 3 -B 10 -i 4 -c
