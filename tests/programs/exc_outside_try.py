# An exception raised just before a try statement is not caught by it.

def f(n):
    if n > 5:
        raise ValueError
    return n

def g(n):
    x = f(n)
    try:
        y = f(n - 10 + x)
    except ValueError:
        y = -1
    return x + y

def entry_point(argv):
    print g(1), g(4)
    try:
        print g(7)
    except ValueError:
        print "ValueError from outside the try"
    return 0

def target(driver, args):
    return entry_point, None
