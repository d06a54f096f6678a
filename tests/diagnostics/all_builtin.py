def entry_point(argv):
    if all([len(a) > 3 for a in argv]):
        return 1
    return 0

def target(driver, args):
    return entry_point, None
