process-run.py -l 2:50,5:50:1 -c
