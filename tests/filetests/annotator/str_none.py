# A str variable that may be None; None-returning paths of a str function.

def pick(n):
    if n > 1:
        return "many"
    return None

def entry_point(argv):
    s = pick(len(argv))
    if s is None:
        print "none"
    print s
    return 0

def target(driver, args):
    return entry_point, None
