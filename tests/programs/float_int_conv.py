# Conversions between floats and ints: int() truncates towards zero.

def entry_point(argv):
    k = len(argv) - 1
    for x in [2.7, -2.7, 0.5, -0.5, 100.0, 1e10, -3.0]:
        print int(x + k), "%f" % float(int(x + k))
    n = 7 + k
    f = float(n)
    print "%f %f" % (f / 2, n / 2.0)
    print int(f * 1.5), int(-f * 1.5)
    total = 0.0
    for i in range(1, 11):
        total += 1.0 / i
    print "%f" % total, int(total * 1000)
    print float(3) == 3.0, int(3.0) == 3
    return 0

def target(driver, args):
    return entry_point, None
