mlfq.py --numQ=2 --quantumL=4,8 --allotmentL=2,1 --jl=0,20,3:2,15,0 --bo 15 --iot 2 --st --iob -c
