def entry_point(argv):
    pairs = zip(argv, argv)
    return len(pairs)

def target(driver, args):
    return entry_point, None
