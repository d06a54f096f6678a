# len() of strings, lists, dicts, tuples; abs() of ints and floats.

def entry_point(argv):
    print len("hello"), len(""), len([1, 2, 3]), len([]), len({1: 2, 3: 4}), len((1, 2, 3))
    print len(argv), len(u"\xe9t\xe9")
    k = len(argv) - 1
    print abs(-5 + k), abs(5), abs(0), abs(k - 9223372036854775807)
    print "%f %f" % (abs(-2.5), abs(0.0))
    total = 0
    for x in [3, -4, 5, -6]:
        total += abs(x)
    print total
    return 0

def target(driver, args):
    return entry_point, None
