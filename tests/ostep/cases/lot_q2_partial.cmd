lottery.py -l 5:10,4:20,1:5 -q 2 -c
