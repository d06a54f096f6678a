# r_int, widen, LONG_BIT, is_valid_int and the limits of machine ints.

import sys
from rpython.rlib.rarithmetic import r_int, r_uint, widen, LONG_BIT, is_valid_int, intmask

MAXINT = sys.maxint

def entry_point(argv):
    print LONG_BIT, MAXINT, -MAXINT - 1
    a = r_int(41 + len(argv))
    print a, a * 2
    print widen(7), str(widen(r_uint(9)))
    print is_valid_int(5), is_valid_int(MAXINT)
    print MAXINT == (1 << (LONG_BIT - 1)) - 1
    print intmask(MAXINT + len(argv))
    return 0

def target(driver, args):
    return entry_point, None
