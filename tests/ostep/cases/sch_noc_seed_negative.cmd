scheduler.py -s -5 -j 6 -m 50
