scheduler.py -l 1_0,+4,.5,07,1E3,3.,inf,-inf,nan,-nan,Infinity
