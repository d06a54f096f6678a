from __future__ import division

import math
import random
import sys

from rpython.rlib.rbigint import rbigint, SHIFT
from rpython.rlib.rarithmetic import r_uint
from rpython.rlib.rstring import ParseStringError


def raises(exc, func, *args):
    try:
        func(*args)
    except exc, e:
        return e
    raise AssertionError("%s not raised by %s%r" % (exc.__name__, func.__name__, args))


def big(n):
    return rbigint.fromlong(n)


def interesting_numbers(rnd, count):
    nums = [0, 1, -1, 2, -2, 2 ** 31 - 1, 2 ** 31, -2 ** 31, 2 ** 62, 2 ** 63 - 1, -2 ** 63,
            2 ** 63, 2 ** 64 - 1, 2 ** 64, -2 ** 64, 10 ** 30, -10 ** 30, 2 ** 93, 2 ** 93 - 1,
            (2 ** 31 - 1) * 2 ** 62, 3 ** 200, -(7 ** 150)]
    for _ in range(count):
        kind = rnd.randrange(5)
        if kind == 0:
            n = rnd.randrange(-1000, 1000)
        elif kind == 1:
            n = rnd.getrandbits(rnd.randrange(1, 64))
        elif kind == 2:
            n = rnd.getrandbits(rnd.randrange(1, 400))
        elif kind == 3:
            # Many digits at 0 or at the maximum, hard for division.
            n = 0
            for _ in range(rnd.randrange(1, 8)):
                n = (n << SHIFT) | rnd.choice([0, 2 ** SHIFT - 1, 1, 2 ** (SHIFT - 1)])
        else:
            n = (1 << rnd.randrange(300)) + rnd.randrange(-3, 4)
        if rnd.random() < 0.5:
            n = -n
        nums.append(n)
    return nums


def check(b, n):
    assert b.tolong() == n, (b.tolong(), n)
    digits = b._digits
    assert len(digits) >= 1
    assert len(digits) == 1 or digits[-1] != 0, "not normalized"
    for d in digits:
        assert 0 <= d < 2 ** SHIFT
    assert b.sign == (n > 0) - (n < 0)


def test_roundtrip_and_int():
    rnd = random.Random(1)
    for n in interesting_numbers(rnd, 300):
        b = big(n)
        check(b, n)
        if -2 ** 63 <= n < 2 ** 63:
            assert rbigint.fromint(int(n)).tolong() == n
            assert b.toint() == n and type(b.toint()) is int
        else:
            raises(OverflowError, b.toint)
        if 0 <= n < 2 ** 64:
            assert b.touint() == r_uint(n)
        elif n < 0:
            raises(ValueError, b.touint)
        else:
            raises(OverflowError, b.touint)
        assert b.bit_length() == n.bit_length()
        assert b.tobool() == bool(n)
    check(rbigint.fromint(-sys.maxint - 1), -sys.maxint - 1)
    check(rbigint.fromrarith_int(r_uint(-1)), 2 ** 64 - 1)
    check(rbigint.fromrarith_int(-5), -5)
    check(rbigint.frombool(True), 1)


def test_arithmetic_random():
    rnd = random.Random(2)
    nums = interesting_numbers(rnd, 150)
    for i in range(2500):
        a = rnd.choice(nums)
        b = rnd.choice(nums)
        ba, bb = big(a), big(b)
        check(ba.add(bb), a + b)
        check(ba.sub(bb), a - b)
        check(ba.mul(bb), a * b)
        if b:
            check(ba.floordiv(bb), a // b)
            check(ba.div(bb), a // b)
            check(ba.mod(bb), a % b)
            q, r = ba.divmod(bb)
            check(q, a // b)
            check(r, a % b)
        else:
            raises(ZeroDivisionError, ba.floordiv, bb)
            raises(ZeroDivisionError, ba.mod, bb)
        check(ba.and_(bb), a & b)
        check(ba.or_(bb), a | b)
        check(ba.xor(bb), a ^ b)
        assert ba.eq(bb) == (a == b)
        assert ba.ne(bb) == (a != b)
        assert ba.lt(bb) == (a < b)
        assert ba.le(bb) == (a <= b)
        assert ba.gt(bb) == (a > b)
        assert ba.ge(bb) == (a >= b)
    for a in nums:
        ba = big(a)
        check(ba.neg(), -a)
        check(ba.abs(), abs(a))
        check(ba.invert(), ~a)
        for n in [0, 1, 5, 30, 31, 32, 62, 63, 64, 100, 200]:
            check(ba.lshift(n), a << n)
            check(ba.rshift(n), a >> n)
        check(ba.int_add(7), a + 7)
        check(ba.int_sub(-7), a + 7)
        check(ba.int_mul(-3), a * -3)
        check(ba.int_floordiv(-3), a // -3)
        check(ba.int_mod(-3), a % -3)
        check(ba.int_and_(0xff), a & 0xff)
        check(ba.int_or_(-256), a | -256)
        check(ba.int_xor(12345), a ^ 12345)
        assert ba.int_eq(5) == (a == 5)
        assert ba.int_lt(0) == (a < 0)
        assert ba.int_ge(-1) == (a >= -1)
    raises(ValueError, big(5).lshift, -1)
    raises(ValueError, big(5).rshift, -1)


def test_division_hard_cases():
    # Cases where the quotient digit estimate is too large (Knuth's add-back).
    rnd = random.Random(3)
    for _ in range(3000):
        nb = rnd.randrange(2, 6)
        b = 0
        for _ in range(nb):
            b = (b << SHIFT) | rnd.choice([0, 1, 2 ** SHIFT - 1, 2 ** (SHIFT - 1), rnd.getrandbits(SHIFT)])
        if b == 0:
            continue
        a = b * rnd.getrandbits(rnd.randrange(1, 200)) + rnd.randrange(b)
        if rnd.random() < 0.3:
            a = b * (2 ** SHIFT - 1) + (b - 1)
        q, r = big(a).divmod(big(b))
        check(q, a // b)
        check(r, a % b)


def test_pow():
    rnd = random.Random(4)
    for a in [0, 1, -1, 2, -3, 10, 2 ** 40 + 1, -(3 ** 50)]:
        for e in [0, 1, 2, 3, 10, 31, 64, 100]:
            check(big(a).pow(big(e)), a ** e)
            check(big(a).int_pow(e), a ** e)
    for _ in range(300):
        a = rnd.randrange(-10 ** 40, 10 ** 40)
        e = rnd.randrange(0, 10 ** 20)
        m = rnd.randrange(-10 ** 30, 10 ** 30)
        if m == 0:
            continue
        check(big(a).pow(big(e), big(m)), pow(a, e, m))
    check(big(5).pow(big(0), big(1)), 0)
    check(big(5).pow(big(3), big(-7)), pow(5, 3, -7))
    raises(ValueError, big(2).pow, big(-1))
    raises(TypeError, big(2).pow, big(-1), big(5))
    raises(ValueError, big(2).pow, big(3), big(0))


def test_str_repr_hex_oct():
    rnd = random.Random(5)
    for n in interesting_numbers(rnd, 300):
        b = big(n)
        assert b.str() == str(n)
        assert b.repr() == repr(long(n))
        assert b.hex() == hex(long(n))
        assert b.oct() == oct(long(n))
        assert b.format('01', '0b') == bin(n)
        assert str(b) is not None and repr(b) == '<rbigint %s>' % n


def test_fromstr():
    rnd = random.Random(6)
    for n in interesting_numbers(rnd, 200):
        for base in [10, 16, 8, 2, 36, 7]:
            if base == 10:
                s = str(n)
            elif base == 16:
                s = hex(n).rstrip('L')
            elif base == 8:
                s = oct(n).rstrip('L')
            elif base == 2:
                s = bin(n)
            else:
                digits = '0123456789abcdefghijklmnopqrstuvwxyz'[:base]
                m = abs(n)
                s = ''
                while m:
                    s = digits[m % base] + s
                    m //= base
                s = ('-' if n < 0 else '') + (s or '0')
            assert rbigint.fromstr(s, base).tolong() == long(s, base) == n, (s, base)
            if base == 10:
                assert rbigint.fromstr(s + 'L', base).tolong() == n
                assert rbigint.fromstr(' %sl ' % s).tolong() == n
                assert rbigint.fromdecimalstr(s).tolong() == n
    for s, base in [('0x1f', 0), ('017', 0), ('0b11', 0), ('l', 22), ('L', 36), ('  -12  ', 10)]:
        assert rbigint.fromstr(s, base).tolong() == long(s, base)
    for s, base in [('', 10), ('12x', 10), ('L', 10), ('0x', 16), ('1.0', 10)]:
        raises(ParseStringError, rbigint.fromstr, s, base)
        raises(ValueError, long, s, base)


def test_fromfloat():
    rnd = random.Random(7)
    values = [0.0, -0.0, 0.5, -0.5, 1.0, -1.9, 1e15, 2.0 ** 63, -2.0 ** 63, 1e300, -1e300,
              2.0 ** 1023 * 1.999, 123456789.987654321]
    for _ in range(500):
        values.append(rnd.uniform(-1, 1) * 10 ** rnd.randrange(0, 300))
    for f in values:
        check(rbigint.fromfloat(f), long(f))
    raises(OverflowError, rbigint.fromfloat, float('inf'))
    raises(OverflowError, rbigint.fromfloat, -float('inf'))
    raises(ValueError, rbigint.fromfloat, float('nan'))


def test_tofloat():
    rnd = random.Random(8)
    nums = interesting_numbers(rnd, 400)
    # Halfway cases and numbers just around them.
    for k in range(54, 120, 7):
        for delta in [-1, 0, 1]:
            nums.append((2 ** k) + (2 ** (k - 53)) + delta)
            nums.append((2 ** k) + 3 * (2 ** (k - 53)) + delta)
            nums.append(-((2 ** k) + (2 ** (k - 53)) + delta))
    nums.append(2 ** 1024 - 2 ** 970)      # rounds to 2**1024: overflow
    nums.append(2 ** 1024 - 2 ** 971)      # the largest double
    nums.append(2 ** 1024 - 2 ** 970 - 1)  # rounds down to the largest double
    nums.append(2 ** 1024)
    nums.append(-2 ** 2000)
    for n in nums:
        try:
            expected = float(n)
        except OverflowError:
            raises(OverflowError, big(n).tofloat)
        else:
            got = big(n).tofloat()
            assert got == expected, (n, got, expected)


def test_truediv():
    rnd = random.Random(9)
    nums = [n for n in interesting_numbers(rnd, 200) if n]
    nums += [3, 7, 10 ** 400, -(10 ** 400) + 1, 2 ** 1100, 2 ** 1100 + 1]
    for _ in range(2000):
        a = rnd.choice(nums + [0])
        b = rnd.choice(nums)
        try:
            expected = a / b
        except OverflowError:
            raises(OverflowError, big(a).truediv, big(b))
        else:
            got = big(a).truediv(big(b))
            assert got == expected and math.copysign(1, got) == math.copysign(1, expected), (a, b, got, expected)
    # Subnormal results.
    for a, b in [(1, 2 ** 1074), (3, 2 ** 1075), (1, 2 ** 1075), (1, 2 ** 1076), (2 ** 60 + 1, 2 ** 1120),
                 (10 ** 20, 10 ** 340), (7, 3 * 2 ** 1070)]:
        assert big(a).truediv(big(b)) == a / b, (a, b)
        assert big(-a).truediv(big(b)) == -a / b, (a, b)
    raises(ZeroDivisionError, big(1).truediv, big(0))


def test_hash():
    rnd = random.Random(10)
    for n in interesting_numbers(rnd, 400) + [2 ** 64 - 1, -(2 ** 64 - 1), 2 ** 128 - 1, -1, 2 ** 64 - 2]:
        assert big(n).hash() == hash(long(n)), n
