process-run.py -P c2,i:c3 -l 5:50,5:50 -L 3 -c -p
