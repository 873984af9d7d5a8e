scheduler.py -p SJF -l 5,2,5,2,1 -c
