lottery.py -j 0 -c
