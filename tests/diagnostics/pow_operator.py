def entry_point(argv):
    return len(argv) ** 2

def target(driver, args):
    return entry_point, None
