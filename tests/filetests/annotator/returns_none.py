def entry_point(argv):
    print "no return"

def target(driver, args):
    return entry_point, None
