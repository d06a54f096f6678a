# The print statement: several items, trailing commas and the soft space.

def entry_point(argv):
    print "a", "b", 1, 2
    print "no newline",
    print "continued"
    print
    print "x",
    print "y",
    print
    print "ends with newline\n",
    print "next"
    print 1, -1, 0
    print "",
    print "after empty"
    return 0

def target(driver, args):
    return entry_point, None
