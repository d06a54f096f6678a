# Calls between modules of the target: import x, from x import y.

import mathutil
from mathutil import square, GREETING
from textutil import banner

def entry_point(argv):
    print GREETING
    print square(7), mathutil.cube(3)
    print mathutil.LIMIT + 1
    print banner("done")
    return 0

def target(driver, args):
    return entry_point, None
