# rbigint floordiv, mod and divmod with Python floor semantics, and
# ZeroDivisionError.

from rpython.rlib.rbigint import rbigint

def show(a, b):
    x = rbigint.fromstr(a)
    y = rbigint.fromstr(b)
    q = x.floordiv(y)
    r = x.mod(y)
    q2, r2 = x.divmod(y)
    print a, b, q.str(), r.str(), q2.eq(q) and r2.eq(r)

def entry_point(argv):
    show("100000000000000000000", "7")
    show("-100000000000000000000", "7")
    show("100000000000000000000", "-7")
    show("-100000000000000000000", "-12345678901")
    show("5", "100000000000000000000")
    show("123456789012345678901234567890", "9876543210")
    try:
        rbigint.fromint(1).floordiv(rbigint.fromint(0))
    except ZeroDivisionError:
        print "ZeroDivisionError"
    return 0

def target(driver, args):
    return entry_point, None
