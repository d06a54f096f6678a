def show(x):
    print x
