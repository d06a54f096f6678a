def is_long(a):
    return len(a) > 3

def entry_point(argv):
    long_args = filter(is_long, argv)
    return len(long_args)

def target(driver, args):
    return entry_point, None
