import random
import struct
import sys

from rpython.rlib.rarithmetic import (
    r_uint, r_int, r_longlong, r_ulonglong, r_int32, r_uint32, r_uchar, r_int64,
    r_singlefloat, intmask, ovfcheck, widen, is_valid_int, string_to_int,
    LONG_BIT, maxint, base_int, build_int, byteswap, highest_bit,
    ovfcheck_float_to_int, most_neg_value_of_same_type, most_pos_value_of_same_type,
    int_between, int_force_ge_zero, longlongmask)
from rpython.rlib.rstring import ParseStringError, ParseStringOverflowError, InvalidBaseError

M64 = 2 ** 64


def raises(exc, func, *args):
    try:
        func(*args)
    except exc, e:
        return e
    raise AssertionError("%s not raised by %s%r" % (exc.__name__, func.__name__, args))


def signed64(x):
    x %= M64
    if x >= 2 ** 63:
        x -= M64
    return x


def test_constants():
    assert LONG_BIT == 64
    assert maxint == sys.maxint
    assert r_longlong is r_int and r_ulonglong is r_uint
    assert r_int64 is int


def test_r_uint_wraps():
    assert r_uint(-1) == 2 ** 64 - 1
    assert r_uint(2 ** 64 + 5) == 5
    assert r_uint(-1) + 1 == 0
    assert r_uint(0) - 1 == 2 ** 64 - 1
    assert isinstance(r_uint(0) - 1, r_uint)
    assert r_uint(1) << 63 == 2 ** 63
    assert r_uint(1) << 64 == 0
    assert r_uint(3) << 63 == 2 ** 63
    assert r_uint(-1) >> 63 == 1          # logical shift
    assert -r_uint(1) == 2 ** 64 - 1
    assert ~r_uint(0) == 2 ** 64 - 1
    assert r_uint(2 ** 63) * 2 == 0
    assert r_uint(7) // 2 == 3 and r_uint(7) / 2 == 3 and r_uint(7) % 4 == 3
    assert r_uint(3) ** 41 == (3 ** 41) % M64


def test_r_uint_random_against_longs():
    rnd = random.Random(42)
    for _ in range(2000):
        a = rnd.randrange(M64)
        b = rnd.randrange(M64)
        ua, ub = r_uint(a), r_uint(b)
        assert ua + ub == (a + b) % M64
        assert ua - ub == (a - b) % M64
        assert ua * ub == (a * b) % M64
        assert ua & ub == a & b
        assert ua | ub == a | b
        assert ua ^ ub == a ^ b
        n = rnd.randrange(70)
        assert ua << n == (a << n) % M64
        assert ua >> n == a >> n
        if b:
            assert ua // ub == a // b
            assert ua % ub == a % b
        assert (ua < ub) == (a < b)
        assert (ua == ub) == (a == b)
        small = rnd.randrange(-1000, 1000)
        assert ua + small == (a + small) % M64
        assert small + ua == (a + small) % M64
        assert ua * small == (a * small) % M64
        assert small - ua == (small - a) % M64


def test_r_int_wraps_signed():
    rnd = random.Random(7)
    for _ in range(1000):
        a = rnd.randrange(-2 ** 63, 2 ** 63)
        b = rnd.randrange(-2 ** 63, 2 ** 63)
        assert r_int(a) + r_int(b) == signed64(a + b)
        assert r_int(a) * r_int(b) == signed64(a * b)
        assert r_int(a) - b == signed64(a - b)
        if b:
            assert r_int(a) // b == signed64(a // b)
            assert r_int(a) % b == signed64(a % b)
        assert r_int(a) >> 3 == a >> 3


def test_result_types():
    assert type(r_uint(1) + 1) is r_uint
    assert type(1 + r_uint(1)) is r_uint
    assert type(r_uint(1) + True) is r_uint
    assert type(r_uint32(1) + r_uint(1)) is r_uint
    assert type(r_uint(1) + r_uint32(1)) is r_uint
    assert type(r_uint(1) + 1.5) is float
    raises(AssertionError, lambda: r_uint(1) + r_int(1))
    assert type(r_int32(5) * 3) is r_int32


def test_narrow_types():
    assert r_uint32(-1) == 2 ** 32 - 1
    assert r_uint32(2 ** 32) == 0
    assert r_int32(2 ** 31) == -2 ** 31
    assert r_int32(2 ** 31 - 1) + 1 == -2 ** 31
    assert r_uchar(300) == 44
    assert build_int('r_uint', False, 64) is r_uint
    T = build_int('r_foo', True, 24)
    assert T(2 ** 23) == -2 ** 23
    assert build_int(None, True, 24) is T


def test_conversions():
    x = r_uint(12345)
    assert int(x) == 12345 and long(x) == 12345 and float(x) == 12345.0
    assert str(x) == '12345'
    assert repr(x) == '12345L'
    assert '%d' % x == '12345'
    assert '%x' % r_uint(255) == 'ff'
    assert hex(r_uint(255)) == '0xffL'
    assert [10, 20, 30][r_uint(1)] == 20
    assert hash(r_uint(5)) == hash(5)
    d = {5: 'five'}
    assert d[r_uint(5)] == 'five'
    assert bool(r_uint(0)) is False and bool(r_uint(2)) is True
    assert r_uint(5) == 5 and r_uint(5) != 6 and 5 == r_uint(5)
    assert r_uint(-1) != -1


def test_intmask():
    assert intmask(0) == 0
    assert intmask(2 ** 63) == -2 ** 63
    assert intmask(2 ** 64 - 1) == -1
    assert intmask(r_uint(-5)) == -5
    assert type(intmask(r_uint(5))) is int
    assert intmask(True) == 1 and type(intmask(True)) is int
    assert intmask(-2 ** 64 - 3) == -3
    assert intmask(3.7) == 3
    assert longlongmask(2 ** 64 + 7) == 7
    rnd = random.Random(3)
    for _ in range(500):
        n = rnd.randrange(-2 ** 100, 2 ** 100)
        assert intmask(n) == signed64(n)


def test_ovfcheck():
    assert ovfcheck(5 + 6) == 11
    assert ovfcheck(sys.maxint) == sys.maxint
    assert ovfcheck(-sys.maxint - 1) == -sys.maxint - 1
    raises(OverflowError, ovfcheck, sys.maxint + 1)
    raises(OverflowError, ovfcheck, -sys.maxint - 2)
    raises(OverflowError, ovfcheck, sys.maxint * 3)
    raises(AssertionError, ovfcheck, r_uint(3))
    assert type(ovfcheck(2 ** 62 + 2 ** 62 - 1)) is int


def test_widen_and_valid():
    assert widen(True) == 1 and type(widen(True)) is int
    assert widen(5) == 5
    assert type(widen(r_uint32(5))) is int
    assert widen(r_int32(-3)) == -3
    assert type(widen(r_uint(5))) is r_uint
    assert is_valid_int(5) and is_valid_int(sys.maxint) and not is_valid_int(sys.maxint + 1)
    assert is_valid_int(True) and not is_valid_int(1.5) and not is_valid_int('1')
    assert is_valid_int(-sys.maxint - 1) and not is_valid_int(-sys.maxint - 2)


def test_misc():
    assert byteswap(r_uint32(0x01020304)) == 0x04030201
    assert byteswap(0x0102030405060708) == 0x0807060504030201
    assert highest_bit(1) == 0 and highest_bit(2 ** 40) == 40
    assert ovfcheck_float_to_int(3.9) == 3
    raises(OverflowError, ovfcheck_float_to_int, 1e19)
    raises(OverflowError, ovfcheck_float_to_int, float('nan'))
    assert ovfcheck_float_to_int(-9223372036854775808.0) == -2 ** 63
    assert most_neg_value_of_same_type(r_int32(0)) == -2 ** 31
    assert most_pos_value_of_same_type(r_uint(0)) == 2 ** 64 - 1
    assert most_pos_value_of_same_type(5) == sys.maxint
    assert int_between(1, 1, 2) and not int_between(1, 2, 2)
    assert int_force_ge_zero(-5) == 0 and int_force_ge_zero(5) == 5


def test_string_to_int():
    cases = [('0', 10), ('  42  ', 10), ('-17', 10), ('+8', 10), ('0x1F', 16), ('1f', 16),
             ('0x1f', 0), ('0o17', 0), ('017', 0), ('0b101', 0), ('0', 0), ('00', 0),
             ('z', 36), ('ZZ', 36), ('777', 8), ('0o777', 8), ('101', 2), ('0b11', 2),
             ('9223372036854775807', 10), ('-9223372036854775808', 10),
             ('7fffffffffffffff', 16), ('-0x8000000000000000', 16), ('\t12\n', 10), ('- 1', 10), ('+ 0x1f', 0)]
    for s, base in cases:
        assert string_to_int(s, base) == int(s, base), (s, base)
        assert type(string_to_int(s, base)) is int
    for s, base in [('', 10), (' ', 10), ('abc', 10), ('1 2', 10), ('0x', 16), ('08', 0),
                    ('12L', 10), ('2', 2), ('-', 10), ('- -1', 10), ('1.5', 10), ('0b2', 0),
                    ('1_000', 10)]:
        e = raises(ParseStringError, string_to_int, s, base)
        try:
            int(s, base)
        except ValueError, ve:
            assert e.msg == str(ve), (e.msg, str(ve))
        else:
            raise AssertionError("CPython accepts %r" % (s,))
    for s, base in [('9223372036854775808', 10), ('-9223372036854775809', 10),
                    ('1' * 30, 10), ('10000000000000000', 16)]:
        e = raises(ParseStringOverflowError, string_to_int, s, base)
        assert e.parser.base == base
    raises(InvalidBaseError, string_to_int, '1', 1)
    raises(InvalidBaseError, string_to_int, '1', 37)
    assert issubclass(InvalidBaseError, ParseStringError)
    assert string_to_int('1_000', 10, allow_underscores=True) == 1000
    assert string_to_int('0x_ff', 0, allow_underscores=True) == 255
    raises(ParseStringError, string_to_int, '1__0', 10, True)
    raises(ParseStringError, string_to_int, '_1', 10, True)
    raises(ParseStringError, string_to_int, '010', 0, False, True)
    assert string_to_int('000', 0, False, True) == 0


def test_string_to_int_random():
    rnd = random.Random(11)
    for _ in range(1000):
        n = rnd.randrange(-2 ** 63, 2 ** 63)
        base = rnd.choice([2, 8, 10, 16, 36, 7])
        digits = '0123456789abcdefghijklmnopqrstuvwxyz'[:base]
        m = abs(n)
        s = ''
        while m:
            s = digits[m % base] + s
            m //= base
        s = s or '0'
        if n < 0:
            s = '-' + s
        assert string_to_int(s, base) == n


def test_r_singlefloat():
    rnd = random.Random(5)
    values = [0.0, -0.0, 1.0, 0.1, 1e-40, 1e-45, 3.4028234663852886e+38, 123456789.0,
              float('inf'), -float('inf'), 16777217.0, 1.0000000596046448, 1.0000001788139343]
    for _ in range(2000):
        values.append(rnd.uniform(-1e6, 1e6))
        values.append(rnd.random() * 10 ** rnd.randrange(-45, 38))
    for v in values:
        expected = struct.unpack('f', struct.pack('f', v))[0]
        got = float(r_singlefloat(v))
        assert got == expected or (got != got and expected != expected), (v, got, expected)
    raises(OverflowError, r_singlefloat, 1e39)
    raises(TypeError, bool, r_singlefloat(1.0))
    assert r_singlefloat(0.1) == r_singlefloat(0.1)
    assert float(r_singlefloat(float('nan'))) != float(r_singlefloat(float('nan')))
