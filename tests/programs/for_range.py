# for loops over range() and xrange() with start, stop and step.

def show(lst):
    line = ""
    for x in lst:
        line += str(x) + " "
    print line

def entry_point(argv):
    show(range(5))
    show(range(2, 7))
    show(range(10, 0, -3))
    show(range(0, 20, 4))
    show(range(5, 5))
    show(range(-3, 3))
    total = 0
    for i in xrange(100):
        total += i
    print "xrange total", total
    line = ""
    for i in xrange(20, 0, -5):
        line += str(i) + ","
    print line
    n = len(argv) + 3
    count = 0
    for i in range(n):
        for j in range(i):
            count += 1
    print "pairs", count
    r = range(3)
    r.append(10)
    print r, len(range(7, 1, -2))
    return 0

def target(driver, args):
    return entry_point, None
