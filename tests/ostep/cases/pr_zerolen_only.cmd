process-run.py -l 0:100 -c -p
