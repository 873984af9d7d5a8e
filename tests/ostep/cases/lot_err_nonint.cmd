lottery.py -l 5:x -c
