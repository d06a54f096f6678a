# Dividing by zero at run time raises ZeroDivisionError; uncaught, the
# program stops with a non-zero status after what it printed so far.

def divide(a, b):
    return a // b

def entry_point(argv):
    print divide(10, 3)
    print "about to divide by zero"
    print divide(1, len(argv) - len(argv))
    print "not reached"
    return 0

def target(driver, args):
    return entry_point, None
