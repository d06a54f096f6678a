# rfloat.formatd and double_to_string format floats like CPython's %-codes
# ('e', 'f', 'g', 'r').

from rpython.rlib.rfloat import formatd, double_to_string, DTSF_ADD_DOT_0

def entry_point(argv):
    k = len(argv) - 1
    x = 3.14159265358979 + k
    print formatd(x, "f", 2), formatd(x, "f", 0), formatd(x, "e", 3), formatd(x, "g", 4)
    print formatd(x, "r", 0), formatd(0.1 + 0.2, "r", 0), formatd(1e22, "r", 0)
    print formatd(-0.5, "f", 3), formatd(1234567.0, "g", 3), formatd(2.5, "f", 0)
    s, special = double_to_string(2.0, "r", 0, DTSF_ADD_DOT_0)
    print s, special
    s2, special2 = double_to_string(1e300 * 1e300, "r", 0, 0)
    print s2, special2
    return 0

def target(driver, args):
    return entry_point, None
