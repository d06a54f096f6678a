# min and max of two values (ints, floats, mixed).

def clamp(x, lo, hi):
    return max(lo, min(x, hi))

def entry_point(argv):
    k = len(argv) - 1
    print min(3, 7 + k), max(3, 7 + k), min(-1, -5), max(-1, -5)
    for x in [-10, 0, 5, 50]:
        print x, clamp(x + k, 0, 10)
    print "%f %f" % (min(2.5, 1.5), max(2.5, 1.5))
    print "%f" % max(3, 2.5)
    best = 0
    for v in [4, 8, 1, 9, 2]:
        best = max(best, v)
    print best
    return 0

def target(driver, args):
    return entry_point, None
