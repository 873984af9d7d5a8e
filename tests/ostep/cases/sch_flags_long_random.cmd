scheduler.py --seed 3 --jobs 4 --maxlen 8 --policy SJF -c
