scheduler.py -p FIFO foo -l 3,1 bar -p SJF -c
