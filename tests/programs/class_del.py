# A class with __del__: the destructor may run whenever the object dies, so
# the program only checks that creating and dropping such objects works and
# never prints from the destructor or depends on when it ran.

class Stats(object):
    def __init__(self):
        self.freed = 0

STATS = Stats()

class Resource(object):
    def __init__(self, n):
        self.n = n

    def __del__(self):
        STATS.freed += 1

def churn(count):
    total = 0
    for i in range(count):
        r = Resource(i)
        total += r.n
    return total

def entry_point(argv):
    print churn(1000)
    keep = []
    for i in range(10):
        keep.append(Resource(i * i))
    print len(keep), keep[9].n
    print STATS.freed >= 0
    return 0

def target(driver, args):
    return entry_point, None
