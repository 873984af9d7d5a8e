lottery.py -l 5:0,3:10 -c
