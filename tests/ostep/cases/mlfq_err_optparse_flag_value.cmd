mlfq.py --stay=yes -c
