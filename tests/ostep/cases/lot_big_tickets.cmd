lottery.py -l 3:1000000,2:1 -c
