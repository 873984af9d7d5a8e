lottery.py -m -10 -j 3 -s 2 -c
