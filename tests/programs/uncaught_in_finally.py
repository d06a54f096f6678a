# An uncaught exception still runs the finally clauses on its way out.

class Fatal(Exception):
    pass

def work(n):
    try:
        if n > 1:
            raise Fatal
        print "work", n
    finally:
        print "cleanup", n

def entry_point(argv):
    try:
        for i in range(5):
            work(i + len(argv) - 1)
    finally:
        print "outer cleanup"
    print "not reached"
    return 0

def target(driver, args):
    return entry_point, None
