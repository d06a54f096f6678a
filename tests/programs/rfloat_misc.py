# rfloat.round_double, isfinite, INFINITY and NAN.

import math
from rpython.rlib.rfloat import round_double, isfinite, INFINITY, NAN, formatd

def r(x):
    return formatd(x, "r", 0)

def entry_point(argv):
    k = len(argv) - 1
    print r(round_double(2.675 + k, 2)), r(round_double(2.5, 0)), r(round_double(-2.5, 0))
    print r(round_double(1234.5678, -2)), r(round_double(0.125, 2, half_even=True))
    print isfinite(1.0), isfinite(INFINITY), isfinite(NAN), isfinite(-INFINITY)
    print math.isinf(INFINITY), math.isnan(NAN), NAN == NAN, INFINITY > 1e308
    print r(INFINITY), r(-INFINITY), r(NAN)
    print INFINITY + 1 == INFINITY, -INFINITY < 0.0
    return 0

def target(driver, args):
    return entry_point, None
