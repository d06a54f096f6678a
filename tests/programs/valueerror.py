# int() of a string that is not a number raises ValueError.

def entry_point(argv):
    print int(argv[1]) + 1
    print int(argv[2])
    return 0

def target(driver, args):
    return entry_point, None
