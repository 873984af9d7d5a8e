process-run.py foo -l 2:0 bar -c -- -s 5 -p
