# An uncaught user exception reports its class name and exits with status 1.

class Oops(Exception):
    pass

def fail(n):
    if n > 2:
        raise Oops()
    return fail(n + 1)

def entry_point(argv):
    print "start"
    fail(0)
    print "not reached"
    return 0

def target(driver, args):
    return entry_point, None
