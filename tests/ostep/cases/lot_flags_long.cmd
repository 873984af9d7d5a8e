lottery.py --seed=4 --jobs=2 --maxlen=8 --maxticket=50 --quantum=3 --compute
