# rbigint pow (optionally modular), shifts and bitwise and/or/xor.

from rpython.rlib.rbigint import rbigint

def entry_point(argv):
    two = rbigint.fromint(2)
    print two.pow(rbigint.fromint(100)).str()
    print rbigint.fromint(3).pow(rbigint.fromint(50)).str()
    print rbigint.fromint(7).pow(rbigint.fromint(1000), rbigint.fromint(13)).str()
    one = rbigint.fromint(1)
    big = one.lshift(100)
    print big.str(), big.rshift(98).str()
    print rbigint.fromint(-1).lshift(70).str(), rbigint.fromint(-1000).rshift(3).str()
    a = rbigint.fromstr("123456789123456789123456789")
    b = rbigint.fromstr("987654321987654321")
    print a.and_(b).str()
    print a.or_(b).str()
    print a.xor(b).str()
    print rbigint.fromint(-12).and_(rbigint.fromint(10)).str(), rbigint.fromint(-12).or_(rbigint.fromint(10)).str()
    return 0

def target(driver, args):
    return entry_point, None
