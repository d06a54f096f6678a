import math
import random

from rpython.rlib.rfloat import (
    formatd, double_to_string, string_to_float, round_double, round_away, isfinite, isinf,
    isnan, INFINITY, NAN, copysign, DTSF_ADD_DOT_0, DTSF_SIGN, DTSF_ALT, DIST_FINITE,
    DIST_NAN, DIST_INFINITY, float_as_rbigint_ratio)
from rpython.rlib.rstring import ParseStringError


def raises(exc, func, *args):
    try:
        func(*args)
    except exc, e:
        return e
    raise AssertionError("%s not raised" % exc.__name__)


def floats(rnd, n):
    vals = [0.0, -0.0, 1.0, -1.0, 0.1, 1e16, 1e17, 1e-5, 1e-4, 123456789012.0,
            1234567890123.0, 2.5, 1e300, 5e-324, 0.5, 100.0]
    for _ in range(n):
        vals.append(rnd.uniform(-1, 1) * 10 ** rnd.randrange(-30, 30))
        vals.append(float(rnd.randrange(-10 ** 6, 10 ** 6)))
    return vals


def test_formatd_matches_python():
    rnd = random.Random(1)
    for x in floats(rnd, 500):
        assert formatd(x, 'r', 0, DTSF_ADD_DOT_0) == repr(x)
        assert formatd(x, 'g', 12, DTSF_ADD_DOT_0) == str(x)
        for code in 'efgEFG':
            for prec in [0, 1, 6, 17]:
                assert formatd(x, code, prec) == '%.*{0}'.replace('{0}', code) % (prec, x)
        assert formatd(x, 'g', 6, DTSF_SIGN) == '%+.6g' % x
        assert formatd(x, 'g', 6, DTSF_ALT) == '%#.6g' % x
    assert formatd(1.0, 'r', 0) == '1'
    assert formatd(1.0, 'g', 6) == '1'
    assert formatd(1.0, 'g', 6, DTSF_ADD_DOT_0) == '1.0'
    assert formatd(1e20, 'g', 6, DTSF_ADD_DOT_0) == '1e+20'


def test_double_to_string_specials():
    assert double_to_string(INFINITY, 'g', 6, 0) == ('inf', DIST_INFINITY)
    assert double_to_string(-INFINITY, 'r', 0, 0) == ('-inf', DIST_INFINITY)
    assert double_to_string(INFINITY, 'f', 2, DTSF_SIGN) == ('+inf', DIST_INFINITY)
    assert double_to_string(NAN, 'e', 2, 0) == ('nan', DIST_NAN)
    assert double_to_string(INFINITY, 'F', 2, 0) == ('INF', DIST_INFINITY)
    assert double_to_string(1.5, 'f', 2, 0) == ('1.50', DIST_FINITE)
    assert formatd(INFINITY, 'g', 12, DTSF_ADD_DOT_0) == str(INFINITY)
    assert formatd(NAN, 'r', 0, DTSF_ADD_DOT_0) == repr(NAN)


def test_string_to_float():
    for s in ['1', '  1.5  ', '-2.5e10', '1e-400', '1e400', '.5', '5.', '+3', '0', '-0.0',
              '1E5', '\t7\n', '123456789012345678901234567890']:
        got = string_to_float(s)
        assert got == float(s) and copysign(1, got) == copysign(1, float(s)), s
    assert string_to_float('inf') == INFINITY
    assert string_to_float('-Infinity') == -INFINITY
    assert string_to_float('+inf') == INFINITY
    assert isnan(string_to_float('nan'))
    assert isnan(string_to_float('-NaN'))
    for s in ['', '   ', 'abc', '1.2.3', '1e', 'e5', '--1', '1 2', '0x10', '1_0', 'infx', '1L']:
        e = raises(ParseStringError, string_to_float, s)
        assert e.msg == "could not convert string to float"
        raises(ValueError, float, s)
    assert not issubclass(ParseStringError, ValueError)


def test_round_double():
    rnd = random.Random(2)
    cases = [(2.675, 2), (0.5, 0), (1.5, 0), (2.5, 0), (-2.5, 0), (1234.5678, -2), (5.0, -1),
             (15.0, -1), (0.125, 2), (1e300, -300), (1.23456789e-10, 15), (7.0, 400)]
    for _ in range(2000):
        cases.append((rnd.uniform(-1e6, 1e6), rnd.randrange(-6, 10)))
    for x, n in cases:
        assert round_double(x, n) == round(x, n), (x, n)
    assert round_double(0.5, 0, half_even=True) == 0.0
    assert round_double(1.5, 0, half_even=True) == 2.0
    assert round_double(2.5, 0, half_even=True) == 2.0
    assert round_double(25.0, -1, half_even=True) == 20.0
    assert round_double(35.0, -1, half_even=True) == 40.0
    assert round_double(2.675, 2, half_even=True) == 2.67
    assert isinf(round_double(INFINITY, 2))


def test_round_away():
    for x in [0.5, 1.5, 2.5, -0.5, -2.5, 0.49999999999999994, 1e16 + 1, 3.2, -3.7, 0.0, -0.0]:
        assert round_away(x) == round(x), x
        assert copysign(1, round_away(x)) == copysign(1, round(x)), x


def test_predicates():
    assert isinf(INFINITY) and isinf(-INFINITY) and not isinf(1e308)
    assert isnan(NAN) and not isnan(INFINITY)
    assert isfinite(0.0) and not isfinite(INFINITY) and not isfinite(NAN)
    assert copysign(2.0, -0.0) == -2.0


def test_float_as_ratio():
    for x in [0.5, 3.0, -0.1, 1e300, 5e-324, 0.0]:
        num, den = float_as_rbigint_ratio(x)
        assert (num.tolong(), den.tolong()) == x.as_integer_ratio(), x
