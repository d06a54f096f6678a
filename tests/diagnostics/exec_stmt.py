def entry_point(argv):
    exec "print 1"
    return 0

def target(driver, args):
    return entry_point, None
