lottery.py --se 4 --jl=3:5,2:5 --comp
