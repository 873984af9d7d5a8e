process-run.py -P c0,ifoo,c2:c0:i9,c1 -L 2 -c -p
