process-run.py -s 3 -l -3:50,2:0 -L 1 -c -p
