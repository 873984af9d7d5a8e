scheduler.py -pSJF -j4 -m15 -s9 -c
