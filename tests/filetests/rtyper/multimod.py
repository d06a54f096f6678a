# Calls between modules; imported constants are constants here.
import mathutil
from mathutil import square, GREETING

def entry_point(argv):
    print GREETING
    print square(7), mathutil.cube(3), mathutil.LIMIT + 1
    return 0

def target(driver, args):
    return entry_point, None
