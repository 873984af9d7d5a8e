process-run.py -s -010 -l 12:50
