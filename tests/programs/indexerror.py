# Reading argv past its end raises IndexError.

def entry_point(argv):
    print "argc", len(argv)
    print argv[len(argv) + 3]
    return 0

def target(driver, args):
    return entry_point, None
