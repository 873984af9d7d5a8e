process-run.py -s7 -l3:50,3:50 -L3 -SSWITCH_ON_END -IIO_RUN_LATER -c -p
