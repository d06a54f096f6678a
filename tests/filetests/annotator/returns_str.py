def entry_point(argv):
    if len(argv) > 1:
        return 0
    return "zero"

def target(driver, args):
    return entry_point, None
