# The classic target signature: target(*args) returning the bare entry point.

def entry_point(argv):
    print "target(*args) works"
    return 3

def target(*args):
    return entry_point
