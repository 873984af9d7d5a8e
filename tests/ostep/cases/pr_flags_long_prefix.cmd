process-run.py --see=4 --processl=4:50,3:50 --iol=2 --sw=SWITCH_ON_IO --iod=IO_RUN_IMMEDIATE --printst -c
