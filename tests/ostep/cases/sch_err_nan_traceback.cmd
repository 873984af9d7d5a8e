scheduler.py -l 2,nan,1 -c
