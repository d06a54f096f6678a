def entry_point(argv):
    print "{} args".format(len(argv))
    return 0

def target(driver, args):
    return entry_point, None
