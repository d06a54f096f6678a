# rbigint comparisons and conversions to and from ints and floats.

from rpython.rlib.rbigint import rbigint

def entry_point(argv):
    a = rbigint.fromstr("100000000000000000000")
    b = rbigint.fromint(5)
    c = rbigint.fromstr("100000000000000000000")
    print a.eq(c), a.ne(b), a.lt(b), a.le(c), a.gt(b), a.ge(c), b.lt(a)
    print b.toint() + 1
    try:
        a.toint()
        print "fits"
    except OverflowError:
        print "OverflowError"
    print "%f" % b.tofloat(), "%f" % a.tofloat()
    f = rbigint.fromfloat(1e25)
    print f.str()
    print rbigint.fromfloat(-12345.9).str()
    print rbigint.fromint(-7).abs().str(), rbigint.fromint(7).neg().str()
    print rbigint.fromint(0).tobool(), rbigint.fromint(3).tobool()
    return 0

def target(driver, args):
    return entry_point, None
