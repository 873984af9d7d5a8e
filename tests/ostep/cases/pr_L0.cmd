process-run.py -l 3:0,2:100 -L 0 -c -p
