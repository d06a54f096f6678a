def entry_point(argv):
    return hash(argv[0]) & 1

def target(driver, args):
    return entry_point, None
