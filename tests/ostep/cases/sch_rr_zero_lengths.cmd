scheduler.py -p RR -l 0,3,0,2 -q 2 -c
