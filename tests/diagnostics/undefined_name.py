def entry_point(argv):
    print undefined_thing
    return 0

def target(driver, args):
    return entry_point, None
