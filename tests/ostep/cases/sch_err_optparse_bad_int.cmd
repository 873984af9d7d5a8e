scheduler.py -j 08 -c
