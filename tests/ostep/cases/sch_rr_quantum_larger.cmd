scheduler.py -p RR -l 3,5,2,10 -q 10 -c
