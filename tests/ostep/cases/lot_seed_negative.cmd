lottery.py -s -7 -j 3 -c
