scheduler.py -p RR -l -1,3 -q 1 -c
