lottery.py -l -2:10,4:5,0:3 -c
