# The smallest target: print a constant and return 0.

def entry_point(argv):
    print "hello world"
    return 0

def target(driver, args):
    return entry_point, None
