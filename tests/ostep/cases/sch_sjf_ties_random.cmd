scheduler.py -p SJF -j 7 -m 3 -s 1 -c
