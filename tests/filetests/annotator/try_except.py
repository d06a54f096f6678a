def entry_point(argv):
    try:
        n = int(argv[1])
    except ValueError:
        n = 0
    return n

def target(driver, args):
    return entry_point, None
