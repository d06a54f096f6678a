def entry_point(argv):
    g = (x for x in argv)
    return 0

def target(driver, args):
    return entry_point, None
