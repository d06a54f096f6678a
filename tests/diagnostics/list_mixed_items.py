def entry_point(argv):
    l = [1, 2]
    l.append("three")
    return len(l)

def target(driver, args):
    return entry_point, None
