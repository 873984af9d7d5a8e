scheduler.py -p rr -l 1,2 -c
