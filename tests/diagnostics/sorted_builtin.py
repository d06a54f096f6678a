def entry_point(argv):
    l = sorted([3, 1, 2])
    return l[0]

def target(driver, args):
    return entry_point, None
