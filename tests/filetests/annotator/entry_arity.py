def entry_point(argv, extra):
    return 0

def target(driver, args):
    return entry_point, None
