process-run.py -c -p
