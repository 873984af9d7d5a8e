process-run.py -s 2 -l 0:50,3:50 -c -p
