# rbigint: arbitrary-precision integers made from ints and strings, added,
# subtracted, multiplied and printed with str() and repr().

from rpython.rlib.rbigint import rbigint

def entry_point(argv):
    a = rbigint.fromint(123456789)
    b = rbigint.fromstr("987654321987654321987654321")
    print a.str(), b.str()
    print a.add(b).str()
    print b.sub(a).str(), a.sub(b).str()
    print a.mul(b).str()
    print a.mul(a).mul(a).mul(a).str()
    print rbigint.fromint(-42).str(), rbigint.fromint(0).str()
    print b.repr()
    big = rbigint.fromint(9223372036854775807).add(rbigint.fromint(1))
    print big.str()
    print rbigint.fromstr("-1000000000000000000000").str()
    print rbigint.fromstr("ff", 16).str(), rbigint.fromstr("777", 8).str()
    return 0

def target(driver, args):
    return entry_point, None
