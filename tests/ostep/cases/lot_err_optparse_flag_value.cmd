lottery.py --compute=1 -l 2:2
