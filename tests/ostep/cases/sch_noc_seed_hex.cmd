scheduler.py -s 0x1F -j 6 -m 50
