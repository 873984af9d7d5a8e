process-run.py -P c1,i -L 157 -c -p
