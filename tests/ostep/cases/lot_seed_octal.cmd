lottery.py -s 010 -j 2 -c
