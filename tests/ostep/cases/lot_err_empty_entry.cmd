lottery.py -l 3:3, -c
