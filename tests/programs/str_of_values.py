# str() of ints, bools, strings and floats (floats follow CPython: %.12g).

def entry_point(argv):
    k = len(argv) - 1
    print str(42 + k), str(-7), str(0)
    print str(k == 0), str(k == 1)
    print str("already a string")
    print str(2.5 + k), str(1.0 / 3), str(100.0), str(1e20), str(-0.5)
    print str(3.0) + "!", len(str(123456))
    return 0

def target(driver, args):
    return entry_point, None
