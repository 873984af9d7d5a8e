process-run.py -s 1 -l 3:0,0:50 -L 2 -c -p
