mlfq.py -s3 -n2 -q4 -a2 -j2 -m20 -M4 -B30 -i3 -SIc
