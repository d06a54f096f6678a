def entry_point(argv):
    e = 3
    raise e

def target(driver, args):
    return entry_point, None
