def entry_point(argv):
    l = [1, "two"]
    return len(l)

def target(driver, args):
    return entry_point, None
