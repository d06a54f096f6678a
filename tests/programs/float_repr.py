# repr() of floats gives the shortest string that reads back the same value.

def entry_point(argv):
    k = len(argv) - 1
    for x in [0.1, 2.5, 1.0 / 3, 1e22, 1e-7, 123456789.125, -0.0, 100.0]:
        print repr(x + k)
    print repr(0.1 + 0.2)
    return 0

def target(driver, args):
    return entry_point, None
