process-run.py -s 08 -l 1:100 -c
