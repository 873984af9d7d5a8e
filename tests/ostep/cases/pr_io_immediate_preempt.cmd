process-run.py -P c1,i,c3:c6 -L 2 -I IO_RUN_IMMEDIATE -c -p
