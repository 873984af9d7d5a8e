scheduler.py -p RR -l 2.5,1.25,0.75 -q 1 -c
