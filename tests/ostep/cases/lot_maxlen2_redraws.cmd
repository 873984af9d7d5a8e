lottery.py -m 2 -T 2 -j 4 -s 6 -c
