lottery.py -l 0:10,3:5 -c
