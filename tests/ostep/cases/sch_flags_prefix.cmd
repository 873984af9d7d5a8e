scheduler.py --pol=RR --jl=4,7,2 --qu=3 -c
