def entry_point(argv):
    return "zero"

def target(driver, args):
    return entry_point, None
