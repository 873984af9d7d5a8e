lottery.py -l 1:2:3 -c
