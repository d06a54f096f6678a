print = 1
