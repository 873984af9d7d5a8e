scheduler.py -p FIFO -l 0.125,0.375,1.625 -c
