lottery.py --max 5
