mlfq.py --seed 2 --numQueues 2 --quantum 5 --allotment 2 --numJobs 2 --maxlen 30 --maxio 6 --boost 20 --iotime 3 --stay --iobump -c
