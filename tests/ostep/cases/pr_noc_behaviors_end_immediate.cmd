process-run.py -s 2 -l 3:50,2:50 -S SWITCH_ON_END -I IO_RUN_IMMEDIATE
