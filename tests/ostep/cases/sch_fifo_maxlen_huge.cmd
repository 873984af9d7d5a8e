scheduler.py -p FIFO -j 4 -m 100000000000000000000 -s 2 -c
