lottery.py -l 2:0 -c
