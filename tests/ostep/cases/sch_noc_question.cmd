scheduler.py -p RR -s 4 -j 5 -m 20 -q 3
