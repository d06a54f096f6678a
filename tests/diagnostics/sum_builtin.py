def entry_point(argv):
    return sum([1, 2, 3])

def target(driver, args):
    return entry_point, None
