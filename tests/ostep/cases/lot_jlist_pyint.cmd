lottery.py -l 1_0:5,+3:007 -q 4 -c
