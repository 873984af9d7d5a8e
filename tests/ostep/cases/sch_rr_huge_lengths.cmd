scheduler.py -p RR -l 1e20,1.5e20,7 -q 100000000000000000000 -c
