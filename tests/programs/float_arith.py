# Float arithmetic, printed with %f (six decimals). (RPython has no // or %
# on floats; math.floor and math.fmod do that work.)

import math

def mean(lst):
    total = 0.0
    for x in lst:
        total += x
    return total / len(lst)

def entry_point(argv):
    a = 7.5 + len(argv) - 1
    b = -2.25
    print "%f %f %f %f" % (a + b, a - b, a * b, a / b)
    print "%f %f" % (math.floor(a / 2.0), math.fmod(a, 2.0))
    print "%f %f" % (math.floor(-a / 2.0), math.fmod(-a, 2.0))
    print "%f %f %f" % (abs(b), -b, +b)
    print "%f" % mean([1.0, 2.0, 3.5, 4.25])
    x = 1.0
    for i in range(10):
        x = x * 1.5 + 0.25
    print "%f" % x
    print "%f %f" % (float(7) / 2, 7 / 2.0)
    print "%f" % (3 * 0.1)
    print a > b, a == 7.5, b < -3.0, 1.0 == 1
    return 0

def target(driver, args):
    return entry_point, None
