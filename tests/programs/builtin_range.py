# range and xrange: lists and lazy ranges, len, negative steps, indexing.

def entry_point(argv):
    n = len(argv) + 5
    r = range(n)
    print len(r), r[2], r[-1]
    print list(range(1, n)), list(range(n, 0, -2)), list(range(3, -3, -1))
    print len(xrange(0, 100, 7)), len(range(10, 0))
    total = 0
    for i in xrange(n, 0, -1):
        total = total * 2 + i
    print total
    x = xrange(2, 20, 3)
    line = ""
    for i in x:
        line += str(i) + " "
    print line
    return 0

def target(driver, args):
    return entry_point, None
