"""Float helpers for RPython programs: formatting, parsing, rounding.

  formatd(x, code, precision, flags=0): x formatted as '%.<precision><code>'
      would (code in 'e', 'f', 'g', 'E', 'F', 'G', or 'r' for repr()), with
      the flags DTSF_SIGN (always a sign), DTSF_ADD_DOT_0 (add '.0' to a
      result that looks like an integer), DTSF_ALT ('#' formatting).
      Infinities and NaN give 'inf', '-inf', 'nan' ('+inf' with DTSF_SIGN).
  double_to_string(value, code, precision, flags): (formatd's text,
      DIST_FINITE, DIST_INFINITY or DIST_NAN).
  string_to_float(s): float(s) with white space stripped around; raises
      rpython.rlib.rstring.ParseStringError (not ValueError) for a bad
      literal, as RPython does.
  round_double(value, ndigits, half_even=False): round(value, ndigits) of
      Python 2.7 (ties away from zero, decided on the exact binary value);
      half_even=True rounds ties to even (Python 3).
  round_away(x): round(x) (ties away from zero).
  isfinite, isinf, isnan, copysign, INFINITY, NAN, DBL_MANT_DIG...

Translation: formatd, double_to_string and round_double use CPython's own
float formatting here (the `%` operator with a computed format); the
translator implements these three functions as runtime helpers rather than
translate their bodies (their `_rpython_runtime_helper_` attribute names
them).
"""

import math

from rpython.rlib.rstring import ParseStringError, strip_spaces

INFINITY = 1e200 * 1e200
NAN = INFINITY - INFINITY
DBL_MANT_DIG = 53
DBL_MAX = 1.7976931348623157e+308
DBL_MIN = 2.2250738585072014e-308
DBL_EPSILON = 2.220446049250313e-16

# Flags of double_to_string / formatd (Python's Py_DTSF_*).
DTSF_SIGN = 0x1
DTSF_ADD_DOT_0 = 0x2
DTSF_ALT = 0x4
DTSF_CUTOFF = 0x8
DTSF_STR_PRECISION = 12

# What double_to_string found.
DIST_FINITE = 1
DIST_NAN = 2
DIST_INFINITY = 3

USE_SHORT_FLOAT_REPR = True

INVALID_MSG = "could not convert string to float"


def isinf(x):
    return x == INFINITY or x == -INFINITY


def isnan(x):
    return x != x


def isfinite(x):
    return not isinf(x) and not isnan(x)


def copysign(x, y):
    return math.copysign(x, y)


def _looks_integral(s):
    """Whether s has no '.', exponent, or 'inf'/'nan' (then '.0' is added)."""
    for c in s:
        if c == '.' or c == 'e' or c == 'E' or c == 'n' or c == 'N':
            return False
    return True


def _count_digits(s):
    n = 0
    for c in s:
        if c.isdigit():
            n += 1
    return n


def _exponent_form(value, code, precision, flags):
    """'%.<precision>e' % value with the mantissa's trailing zeros removed
    (unless DTSF_ALT), as 'g' formatting writes exponents."""
    fmt = '%'
    if flags & DTSF_SIGN:
        fmt += '+'
    if flags & DTSF_ALT:
        fmt += '#'
    ecode = 'e'
    if code == 'G':
        ecode = 'E'
    s = (fmt + '.' + str(precision) + ecode) % (value,)
    if flags & DTSF_ALT:
        return s
    epos = s.find(ecode)
    mantissa = s[:epos]
    if '.' in mantissa:
        mantissa = mantissa.rstrip('0')
        if mantissa.endswith('.'):
            mantissa = mantissa[:len(mantissa) - 1]
    return mantissa + s[epos:]


def double_to_string(value, code, precision, flags):
    """(text, kind): value formatted per `code` and `precision`, kind one of
    DIST_FINITE, DIST_INFINITY, DIST_NAN."""
    if isnan(value):
        s = 'nan'
        if code in 'EFG':
            s = 'NAN'
        if flags & DTSF_SIGN:
            s = '+' + s
        return s, DIST_NAN
    if isinf(value):
        s = 'inf'
        if code in 'EFG':
            s = 'INF'
        if value < 0:
            s = '-' + s
        elif flags & DTSF_SIGN:
            s = '+' + s
        return s, DIST_INFINITY
    if code == 'r':
        s = repr(value)
        if not (flags & DTSF_ADD_DOT_0) and s.endswith('.0'):
            s = s[:len(s) - 2]
        if (flags & DTSF_SIGN) and not s.startswith('-'):
            s = '+' + s
        return s, DIST_FINITE
    if code not in ('e', 'f', 'g', 'E', 'F', 'G'):
        raise ValueError("formatd: unknown format code %r" % (code,))
    fmt = '%'
    if flags & DTSF_SIGN:
        fmt += '+'
    if flags & DTSF_ALT:
        fmt += '#'
    fmt += '.' + str(precision) + code
    s = fmt % (value,)
    if (flags & DTSF_ADD_DOT_0) and _looks_integral(s):
        if (code == 'g' or code == 'G') and _count_digits(s) >= max(precision, 1):
            # As Python: with '.0' to add, 'g' switches to the exponent
            # form one digit earlier (str(123456789012.0) is '1.23456789012e+11').
            s = _exponent_form(value, code, max(precision, 1) - 1, flags)
        else:
            s += '.0'
    return s, DIST_FINITE

double_to_string._rpython_runtime_helper_ = 'double_to_string'


def formatd(x, code, precision, flags=0):
    """x formatted like '%.<precision><code>' % x (see the module docstring)."""
    return double_to_string(x, code, precision, flags)[0]

formatd._rpython_runtime_helper_ = 'formatd'


def rstring_to_float(s):
    """float(s) for a stripped literal; ValueError if it is not one."""
    return float(s)


def string_to_float(s):
    """float(s), for a str; ParseStringError for an invalid literal."""
    s = strip_spaces(s)
    if not s:
        raise ParseStringError(INVALID_MSG)
    low = s.lower()
    if low == '-inf' or low == '-infinity':
        return -INFINITY
    if low == 'inf' or low == '+inf' or low == 'infinity' or low == '+infinity':
        return INFINITY
    if low == 'nan' or low == '+nan' or low == '-nan':
        return NAN
    # Only what a Python float literal may contain (float() would also
    # accept e.g. '1_0' or unicode digits on other versions).
    for c in s:
        if not (c.isdigit() or c == '.' or c == 'e' or c == 'E' or c == '+' or c == '-'):
            raise ParseStringError(INVALID_MSG)
    try:
        return rstring_to_float(s)
    except ValueError:
        raise ParseStringError(INVALID_MSG)


def round_double(value, ndigits, half_even=False):
    """round(value, ndigits): the decimal rounding of the exact binary value,
    ties away from zero (or to even with half_even)."""
    if not isfinite(value) or value == 0.0:
        return value
    if not half_even:
        return round(value, ndigits)
    if ndigits >= 0:
        if ndigits > 330:
            return value
        return float(('%.' + str(ndigits) + 'f') % (value,))
    # Negative ndigits: round to a multiple of 10**-ndigits, ties to even.
    if ndigits < -308:
        return copysign(0.0, value)
    pow10 = 10.0 ** (-ndigits)
    y = value / pow10
    z = math.floor(y + 0.5)
    if z - y == 0.5 and math.fmod(z, 2.0) != 0.0:
        z -= 1.0
    result = z * pow10
    if isinf(result):
        raise OverflowError("rounded value too large to represent")
    return copysign(result, value) if result == 0.0 else result

round_double._rpython_runtime_helper_ = 'round_double'


def round_away(x):
    """round(x): the nearest integral float, ties away from zero."""
    absx = abs(x)
    r = math.floor(absx)
    if absx - r >= 0.5:
        r += 1.0
    return copysign(r, x)


def float_as_rbigint_ratio(value):
    """(numerator, denominator) as rbigints, value == num / den exactly."""
    from rpython.rlib.rbigint import rbigint
    if isinf(value):
        raise OverflowError("cannot pass infinity to float_as_integer_ratio()")
    if isnan(value):
        raise ValueError("cannot pass nan to float_as_integer_ratio()")
    float_part, exp = math.frexp(value)
    i = 0
    while i < 300 and float_part != math.floor(float_part):
        float_part *= 2.0
        exp -= 1
        i += 1
    num = rbigint.fromfloat(float_part)
    den = rbigint.fromint(1)
    if exp > 0:
        num = num.lshift(exp)
    else:
        den = den.lshift(-exp)
    return num, den


def log1p(x):
    return math.log1p(x)


def expm1(x):
    return math.expm1(x)


def acosh(x):
    return math.acosh(x)


def asinh(x):
    return math.asinh(x)


def atanh(x):
    return math.atanh(x)
