lottery.py -s 3 -j 4
