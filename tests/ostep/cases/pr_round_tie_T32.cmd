process-run.py -P c3,i -L 27 -c -p
