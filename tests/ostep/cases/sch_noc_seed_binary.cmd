scheduler.py -s 0b101 -j 6 -m 50
