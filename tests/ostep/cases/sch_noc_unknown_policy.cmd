scheduler.py -p LIFO -j 2
