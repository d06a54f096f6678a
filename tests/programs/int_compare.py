# Comparisons, min, max and abs of ints, and int/bool mixing.

def sign(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1
    return 0

def entry_point(argv):
    n = len(argv)
    vals = [5, -3, 0, 12, -12, 7]
    lo = vals[0]
    hi = vals[0]
    for v in vals:
        lo = min(lo, v)
        hi = max(hi, v)
    print lo, hi
    print abs(-7), abs(7), abs(0), abs(-9223372036854775807)
    line = ""
    for v in vals:
        line += str(sign(v)) + " "
    print line
    print n == 1, n != 1, n < 1, n <= 1, n > 0, n >= 2
    print max(3, n), min(3, n), max(-1, -2), min(-1, -2)
    t = True
    print t + 1, 10 * (n == 1)
    return 0

def target(driver, args):
    return entry_point, None
