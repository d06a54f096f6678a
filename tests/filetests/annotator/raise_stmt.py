def check(n):
    if n < 0:
        raise ValueError
    return n

def entry_point(argv):
    return check(len(argv))

def target(driver, args):
    return entry_point, None
