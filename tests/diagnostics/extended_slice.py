def entry_point(argv):
    l = [1, 2, 3, 4]
    m = l[::2]
    return len(m)

def target(driver, args):
    return entry_point, None
