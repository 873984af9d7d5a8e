lottery.py -l 3:1,4:2
