def entry_point(argv):
    print 1.5
    return 0

def target(driver, args):
    return entry_point, None
