# r_singlefloat: 32-bit floats, converted back to float to compute with.

from rpython.rlib.rarithmetic import r_singlefloat

def entry_point(argv):
    k = len(argv) - 1
    x = r_singlefloat(0.1 + k)
    f = float(x)
    print f == 0.1, int(f * 1e9), int(0.1 * 1e9)
    y = r_singlefloat(0.5)
    print float(y) == 0.5
    big = r_singlefloat(16777217.0)
    print int(float(big))
    vals = [r_singlefloat(1.5), r_singlefloat(2.25), r_singlefloat(-3.0)]
    total = 0.0
    for v in vals:
        total += float(v)
    print "%f" % total
    return 0

def target(driver, args):
    return entry_point, None
