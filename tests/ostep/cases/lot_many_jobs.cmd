lottery.py -j 8 -m 20 -T 300 -s 11 -q 3 -c
