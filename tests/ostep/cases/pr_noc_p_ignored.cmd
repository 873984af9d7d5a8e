process-run.py -s 6 -l 4:33.3 -p
