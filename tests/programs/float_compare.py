# Comparing floats, min/max of two floats, mixed int and float arithmetic.

def entry_point(argv):
    a = 0.1 + 0.2 + len(argv) - 1
    print a == 0.3, a > 0.3, abs(a - 0.3) < 1e-9
    print "%f %f" % (max(1.5, -2.5), min(1.5, -2.5))
    print 2.0 > 1, 1 < 1.5, 3 == 3.0, -0.0 == 0.0
    x = 10
    y = 4.0
    print "%f %f %f" % (x / y, x * y, x - y)
    vals = [3.5, -1.25, 9.75, 0.0]
    best = vals[0]
    for v in vals:
        if v > best:
            best = v
    print "%f" % best
    return 0

def target(driver, args):
    return entry_point, None
