process-run.py --seed 3 --processlist 3:50,2:100 --iolength 2 --switch SWITCH_ON_END --iodone IO_RUN_IMMEDIATE --printstats -c
