lottery.py -T -50 -j 3 -s 1
