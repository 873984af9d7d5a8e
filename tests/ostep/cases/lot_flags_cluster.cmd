lottery.py -cs7 -j2
