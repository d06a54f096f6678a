def entry_point(argv):
    return "a" + 1

def target(driver, args):
    return entry_point, None
