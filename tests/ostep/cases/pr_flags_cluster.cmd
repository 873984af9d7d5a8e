process-run.py -cps5 -l 3:50,2:50
