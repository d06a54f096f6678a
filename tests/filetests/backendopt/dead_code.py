# Pure operations whose results are unused disappear; calls stay.

def noisy(n):
    unused = n * 3 + 1
    also_unused = unused < 5
    print n
    return n

def entry_point(argv):
    n = noisy(len(argv))
    m = n + 0
    return m

def target(driver, args):
    return entry_point, None
