process-run.py -P c1,i:x3 -c
