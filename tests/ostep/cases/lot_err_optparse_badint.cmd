lottery.py -q 08
