"""Machine-integer arithmetic for RPython programs (64-bit words).

  LONG_BIT = 64, LONG_MASK, LONG_TEST (= 2**63), maxint, r_int64 (= int),
  r_uint64 (= r_uint).
  intmask(n): n wrapped to a signed machine word (a plain int).
  ovfcheck(n): n, or OverflowError if it is outside the signed word range
      (write it around the operation: ovfcheck(x + y)).
  r_uint, r_int, r_ulonglong (= r_uint), r_longlong (= r_int), r_int32,
  r_uint32, r_short, r_ushort, r_uchar, r_ubyte, r_signedchar...: integers of a fixed
      width and signedness with wrap-around arithmetic. Mixing one with a
      plain int (or bool) gives the sized type; mixing two sized types of the
      same signedness gives the wider; mixing signed and unsigned sized types
      is an error (AssertionError), as in RPython; with a float, a float.
  r_singlefloat(x): a C float (single precision); only float(x) is allowed.
  widen(n), is_valid_int(n), string_to_int(s, base=10), ovfcheck_float_to_int,
  highest_bit, int_between, int_force_ge_zero, mulmod, byteswap,
  most_neg_value_of_same_type, most_pos_value_of_same_type, build_int.

Representation (for the translator reading prebuilt values): RPython's sized
integers subclass `long`, which the import-time evaluator cannot do, so here
they are plain classes.  An instance of one of these classes (a subclass of
`base_int`) keeps its value in `_value`, a Python int in the class's range
(0 <= _value < 2**BITS for unsigned classes); the class attributes BITS
(width) and SIGNED (bool) describe the type.  The classes are r_int, r_uint,
r_int32, r_uint32, ... (class names as RPython spells them).
r_singlefloat keeps its (already rounded) value in `_value`, a float.
"""

import math
import sys

from rpython.rlib.rstring import (ParseStringError, ParseStringOverflowError,
                                  NumberStringParser)

LONG_BIT = 64
LONG_MASK = (1 << LONG_BIT) - 1
LONG_TEST = 1 << (LONG_BIT - 1)
maxint = int(LONG_TEST - 1)
MININT = int(-LONG_TEST)

# Sizes of the C types, on x86-64 Linux.
SHRT_MIN = -32768
SHRT_MAX = 32767
USHRT_MAX = 65535
INT_MIN = -2147483648
INT_MAX = 2147483647
UINT_MAX = 4294967295

_MASK32 = 0xFFFFFFFF


def _to_python_int(n):
    """The plain Python integer value of an int, long, bool or sized int."""
    if isinstance(n, base_int):
        return n._value
    if isinstance(n, bool):
        return int(n)
    if isinstance(n, (int, long)):
        return n
    if isinstance(n, float):
        return long(n)
    if isinstance(n, r_singlefloat):
        raise TypeError("not supported on r_singlefloat instances")
    return int(n)


def intmask(n):
    """n wrapped to a signed machine word, as a plain int."""
    if isinstance(n, bool):
        return int(n)
    if isinstance(n, int) and -LONG_TEST <= n <= maxint:
        return n
    if isinstance(n, float):
        n = long(n)
    n = _to_python_int(n) & LONG_MASK
    if n >= LONG_TEST:
        n -= 1 << LONG_BIT
    return int(n)


def longlongmask(n):
    """n wrapped to a signed 64-bit integer (the same as intmask here)."""
    return intmask(n)


def ovfcheck(r):
    """r if it fits in a signed machine word, else OverflowError.  Use it
    around one operation: ovfcheck(a + b), ovfcheck(a * b)."""
    if isinstance(r, base_int):
        assert r.SIGNED, "unexpected ovf check on unsigned"
        r = r._value
    if isinstance(r, (int, long)) and not isinstance(r, bool):
        if r < -LONG_TEST or r > maxint:
            raise OverflowError("signed integer expression did overflow")
        return int(r)
    return r


def is_valid_int(r):
    """Whether r is an integer that fits in a signed machine word."""
    if isinstance(r, base_int):
        r = r._value
    elif not isinstance(r, (int, long, bool)):
        return False
    return -LONG_TEST <= r <= maxint


def widen(n):
    """n as a signed machine word if its type is narrower (bools, sized
    ints narrower than a word, signed or not, and r_int); words (int,
    r_uint) unchanged."""
    if isinstance(n, bool):
        return int(n)
    if isinstance(n, base_int):
        if n.BITS < LONG_BIT or (n.BITS == LONG_BIT and n.SIGNED):
            return intmask(n._value)
    return n


def ovfcheck_float_to_int(x):
    """int(x) for a float x, or OverflowError if it does not fit in a word."""
    if math.isnan(x):
        raise OverflowError("cannot convert float NaN to integer")
    if -9223372036854775808.0 <= x < 9223372036854775808.0:
        return int(x)
    raise OverflowError("float too large to convert to integer")


def ovfcheck_float_to_longlong(x):
    return ovfcheck_float_to_int(x)


def highest_bit(n):
    """The index of the only set bit of n (n a power of two)."""
    assert n and (n & (n - 1)) == 0
    i = -1
    while n:
        i += 1
        n >>= 1
    return i


def int_between(n, m, p):
    """n <= m < p"""
    return n <= m < p


def int_force_ge_zero(n):
    """n if n >= 0, else 0."""
    if n < 0:
        return 0
    return n


def mulmod(a, b, c):
    """(a * b) % c, without overflowing (c > 0)."""
    return int((_to_python_int(a) * _to_python_int(b)) % _to_python_int(c))


def byteswap(arg):
    """The bytes of a 16, 32 or 64-bit sized integer, or of a word, reversed."""
    if isinstance(arg, base_int):
        nbytes = arg.BITS // 8
        value = arg._value & ((1 << arg.BITS) - 1)
        cls = arg.__class__
    else:
        nbytes = 8
        value = _to_python_int(arg) & LONG_MASK
        cls = None
    result = 0
    for i in range(nbytes):
        result = (result << 8) | ((value >> (8 * i)) & 0xFF)
    if cls is None:
        return intmask(result)
    return cls(result)


# ____________________________________________________________
# Sized integers

def _mul_mod(a, b, bits):
    """(a * b) mod 2**bits for 0 <= a, b < 2**bits, keeping every
    intermediate value below 2**(bits+32) (the import-time evaluator
    only has 128-bit integers)."""
    mask = (1 << bits) - 1
    if bits <= 32:
        return (a * b) & mask
    a_lo = a & _MASK32
    a_hi = a >> 32
    b_lo = b & _MASK32
    b_hi = b >> 32
    cross = (a_hi * b_lo + a_lo * b_hi) & mask
    return (a_lo * b_lo + (cross << 32)) & mask


def _shl_mod(a, n, bits):
    """(a << n) mod 2**bits for 0 <= a < 2**bits."""
    if n >= bits:
        return 0
    return (a & ((1 << (bits - n)) - 1)) << n


class base_int(object):
    """A machine integer of BITS bits, SIGNED or not, wrapping around."""
    BITS = LONG_BIT
    SIGNED = True

    def __init__(self, value=0):
        if isinstance(value, str):
            value = int(value)
        v = _to_python_int(value) & ((1 << self.BITS) - 1)
        if self.SIGNED and v >= (1 << (self.BITS - 1)):
            v -= 1 << self.BITS
        self._value = v

    # -- conversions
    def __int__(self):
        return int(self._value)

    def __long__(self):
        return long(self._value)

    def __index__(self):
        return int(self._value)

    def __float__(self):
        return float(self._value)

    def __trunc__(self):
        return int(self._value)

    def __nonzero__(self):
        return self._value != 0

    def __hash__(self):
        return hash(self._value)

    def __str__(self):
        return str(self._value)

    def __repr__(self):
        # RPython's sized ints are longs: their repr is the long's.
        return "%dL" % (self._value,)

    def __hex__(self):
        return hex(long(self._value))

    def __oct__(self):
        return oct(long(self._value))

    def __format__(self, spec):
        return format(self._value, spec)

    # -- helpers
    def _other(self, other):
        """(result class, Python value of other); NotImplemented for other types."""
        if isinstance(other, base_int):
            a = self.__class__
            b = other.__class__
            if a is b:
                return a, other._value
            if a.SIGNED != b.SIGNED:
                raise AssertionError("Merging these types (%s, %s) is not supported" %
                                     (a.__name__, b.__name__))
            if b.BITS > a.BITS:
                return b, other._value
            return a, other._value
        if isinstance(other, (int, long, bool)):
            return self.__class__, int(other) if isinstance(other, bool) else other
        return None, None

    def _unsigned(self, cls, v):
        return v & ((1 << cls.BITS) - 1)

    # -- arithmetic
    def __add__(self, other):
        if isinstance(other, float):
            return float(self._value) + other
        cls, v = self._other(other)
        if cls is None:
            return NotImplemented
        return cls(self._value + v)

    def __radd__(self, other):
        if isinstance(other, float):
            return other + float(self._value)
        cls, v = self._other(other)
        if cls is None:
            return NotImplemented
        return cls(v + self._value)

    def __sub__(self, other):
        if isinstance(other, float):
            return float(self._value) - other
        cls, v = self._other(other)
        if cls is None:
            return NotImplemented
        return cls(self._value - v)

    def __rsub__(self, other):
        if isinstance(other, float):
            return other - float(self._value)
        cls, v = self._other(other)
        if cls is None:
            return NotImplemented
        return cls(v - self._value)

    def __mul__(self, other):
        if isinstance(other, float):
            return float(self._value) * other
        cls, v = self._other(other)
        if cls is None:
            return NotImplemented
        return cls(_mul_mod(self._unsigned(cls, self._value), self._unsigned(cls, v), cls.BITS))

    def __rmul__(self, other):
        return self.__mul__(other)

    def __floordiv__(self, other):
        if isinstance(other, float):
            return float(self._value) // other
        cls, v = self._other(other)
        if cls is None:
            return NotImplemented
        a, b = self._operands(cls, self._value, v)
        if b == 0:
            raise ZeroDivisionError("integer division by zero")
        return cls(a // b)

    def __rfloordiv__(self, other):
        if isinstance(other, float):
            return other // float(self._value)
        cls, v = self._other(other)
        if cls is None:
            return NotImplemented
        a, b = self._operands(cls, v, self._value)
        if b == 0:
            raise ZeroDivisionError("integer division by zero")
        return cls(a // b)

    __div__ = __floordiv__
    __rdiv__ = __rfloordiv__

    def __truediv__(self, other):
        cls, v = self._other(other)
        if cls is None:
            return float(self._value) / other
        a, b = self._operands(cls, self._value, v)
        return float(a) / float(b)

    def __rtruediv__(self, other):
        cls, v = self._other(other)
        if cls is None:
            return other / float(self._value)
        a, b = self._operands(cls, v, self._value)
        return float(a) / float(b)

    def __mod__(self, other):
        if isinstance(other, float):
            return float(self._value) % other
        cls, v = self._other(other)
        if cls is None:
            return NotImplemented
        a, b = self._operands(cls, self._value, v)
        if b == 0:
            raise ZeroDivisionError("integer division or modulo by zero")
        return cls(a % b)

    def __rmod__(self, other):
        if isinstance(other, float):
            return other % float(self._value)
        cls, v = self._other(other)
        if cls is None:
            return NotImplemented
        a, b = self._operands(cls, v, self._value)
        if b == 0:
            raise ZeroDivisionError("integer division or modulo by zero")
        return cls(a % b)

    def __divmod__(self, other):
        return (self.__floordiv__(other), self.__mod__(other))

    def __rdivmod__(self, other):
        return (self.__rfloordiv__(other), self.__rmod__(other))

    def _operands(self, cls, a, b):
        """a and b as values of type cls (for division and comparisons)."""
        return cls(a)._value, cls(b)._value

    def __pow__(self, other, modulo=None):
        cls, v = self._other(other)
        if cls is None:
            return NotImplemented
        if v < 0:
            raise ValueError("negative exponent for a sized integer")
        bits = cls.BITS
        base = self._unsigned(cls, self._value)
        result = 1
        while v:
            if v & 1:
                result = _mul_mod(result, base, bits)
            base = _mul_mod(base, base, bits)
            v >>= 1
        result = cls(result)
        if modulo is not None:
            result = result % modulo
        return result

    def __rpow__(self, other):
        cls, v = self._other(other)
        if cls is None:
            return NotImplemented
        return cls(v).__pow__(self)

    def __lshift__(self, n):
        n = _to_python_int(n)
        if n < 0:
            raise ValueError("negative shift count")
        cls = self.__class__
        return cls(_shl_mod(self._unsigned(cls, self._value), n, cls.BITS))

    def __rlshift__(self, other):
        cls, v = self._other(other)
        if cls is None:
            return NotImplemented
        return cls(v).__lshift__(self._value)

    def __rshift__(self, n):
        n = _to_python_int(n)
        if n < 0:
            raise ValueError("negative shift count")
        return self.__class__(self._value >> n)

    def __rrshift__(self, other):
        cls, v = self._other(other)
        if cls is None:
            return NotImplemented
        return cls(v).__rshift__(self._value)

    def __and__(self, other):
        cls, v = self._other(other)
        if cls is None:
            return NotImplemented
        return cls(self._value & v)

    __rand__ = __and__

    def __or__(self, other):
        cls, v = self._other(other)
        if cls is None:
            return NotImplemented
        return cls(self._value | v)

    __ror__ = __or__

    def __xor__(self, other):
        cls, v = self._other(other)
        if cls is None:
            return NotImplemented
        return cls(self._value ^ v)

    __rxor__ = __xor__

    def __neg__(self):
        return self.__class__(-self._value)

    def __pos__(self):
        return self

    def __invert__(self):
        return self.__class__(~self._value)

    def __abs__(self):
        return self.__class__(abs(self._value))

    # -- comparisons (by mathematical value, like longs)
    def _cmp_value(self, other):
        if isinstance(other, base_int):
            return other._value
        if isinstance(other, (int, long, bool, float)):
            return other
        return None

    def __eq__(self, other):
        v = self._cmp_value(other)
        if v is None:
            return False
        return self._value == v

    def __ne__(self, other):
        v = self._cmp_value(other)
        if v is None:
            return True
        return self._value != v

    def __lt__(self, other):
        v = self._cmp_value(other)
        if v is None:
            return NotImplemented
        return self._value < v

    def __le__(self, other):
        v = self._cmp_value(other)
        if v is None:
            return NotImplemented
        return self._value <= v

    def __gt__(self, other):
        v = self._cmp_value(other)
        if v is None:
            return NotImplemented
        return self._value > v

    def __ge__(self, other):
        v = self._cmp_value(other)
        if v is None:
            return NotImplemented
        return self._value >= v


class signed_int(base_int):
    SIGNED = True


class unsigned_int(base_int):
    SIGNED = False


class r_int(signed_int):
    """A signed machine word that wraps around (rarely needed: plain ints
    are signed words once translated)."""
    BITS = LONG_BIT


class r_uint(unsigned_int):
    """An unsigned machine word: arithmetic modulo 2**64."""
    BITS = LONG_BIT


class r_int32(signed_int):
    BITS = 32


class r_uint32(unsigned_int):
    BITS = 32


class r_short(signed_int):
    BITS = 16


class r_ushort(unsigned_int):
    BITS = 16


class r_signedchar(signed_int):
    BITS = 8


class r_uchar(unsigned_int):
    BITS = 8


class r_longlonglong(signed_int):
    BITS = 128


class r_ulonglonglong(unsigned_int):
    BITS = 128


r_longlong = r_int
r_ulonglong = r_uint
r_int64 = int
r_uint64 = r_uint
r_ubyte = r_uchar
r_int16 = r_short
r_uint16 = r_ushort
r_int8 = r_signedchar
r_uint8 = r_uchar

_inttypes = {
    (True, 8): r_signedchar, (False, 8): r_uchar,
    (True, 16): r_short, (False, 16): r_ushort,
    (True, 32): r_int32, (False, 32): r_uint32,
    (True, 64): r_int, (False, 64): r_uint,
    (True, 128): r_longlonglong, (False, 128): r_ulonglonglong,
}


def build_int(name, sign, bits, force_creation=False):
    """The sized integer class of this signedness and width (created on
    first use for unusual widths)."""
    sign = bool(sign)
    if not force_creation and (sign, bits) in _inttypes:
        return _inttypes[sign, bits]
    if sign:
        base = signed_int
    else:
        base = unsigned_int
    if name is None:
        name = '%s_int%d' % (('signed' if sign else 'unsigned'), bits)
    cls = type(name, (base,), {'BITS': bits})
    if not force_creation:
        _inttypes[sign, bits] = cls
    return cls


def most_neg_value_of_same_type(x):
    if isinstance(x, base_int):
        if x.SIGNED:
            return x.__class__(-(1 << (x.BITS - 1)))
        return x.__class__(0)
    return -maxint - 1


def most_pos_value_of_same_type(x):
    if isinstance(x, base_int):
        if x.SIGNED:
            return x.__class__((1 << (x.BITS - 1)) - 1)
        return x.__class__((1 << x.BITS) - 1)
    return maxint


def most_neg_value_of(tp):
    if tp is int:
        return -maxint - 1
    if tp.SIGNED:
        return tp(-(1 << (tp.BITS - 1)))
    return tp(0)


def most_pos_value_of(tp):
    if tp is int:
        return maxint
    if tp.SIGNED:
        return tp((1 << (tp.BITS - 1)) - 1)
    return tp((1 << tp.BITS) - 1)


def normalizedinttype(t):
    if t is int:
        return int
    if t.BITS <= LONG_BIT:
        return build_int(None, t.SIGNED, LONG_BIT)
    return build_int(None, t.SIGNED, t.BITS)


# ____________________________________________________________
# Single-precision floats

_FLT_MANT = 24
_FLT_MAX = 3.4028234663852886e+38


def _round_to_single(x):
    """x rounded to the nearest single-precision value (ties to even);
    OverflowError for finite values beyond the single-precision range."""
    if x != x or x == 0.0 or x in (1e300 * 1e300, -1e300 * 1e300):
        return x
    m, e = math.frexp(abs(x))          # abs(x) = m * 2**e, 0.5 <= m < 1
    # The unit in the last place: 2**(e - 24) normally, 2**-149 for subnormals.
    ulp_exp = e - _FLT_MANT
    if ulp_exp < -149:
        ulp_exp = -149
    scaled = math.ldexp(abs(x), -ulp_exp)   # exact: a power-of-two scaling
    whole = math.floor(scaled)
    frac = scaled - whole
    if frac > 0.5 or (frac == 0.5 and math.fmod(whole, 2.0) == 1.0):
        whole += 1.0
    result = math.ldexp(whole, ulp_exp)
    if result > _FLT_MAX:
        raise OverflowError("float too large to pack with f format")
    if x < 0:
        return -result
    return result


class r_singlefloat(object):
    """A C float (single precision).  A black box: only float(x) (and ==)
    are allowed."""

    def __init__(self, floatval):
        self._value = _round_to_single(float(floatval))

    def __float__(self):
        return self._value

    def __nonzero__(self):
        raise TypeError("not supported on r_singlefloat instances")

    def __cmp__(self, other):
        raise TypeError("not supported on r_singlefloat instances")

    def __eq__(self, other):
        return isinstance(other, r_singlefloat) and self._value == other._value

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._value)

    def __repr__(self):
        return 'r_singlefloat(%s)' % (self._value,)


class r_longfloat(object):
    """A C long double; stored as a double here."""

    def __init__(self, floatval):
        self.value = float(floatval)

    def __float__(self):
        return self.value

    def __eq__(self, other):
        return isinstance(other, r_longfloat) and self.value == other.value

    def __ne__(self, other):
        return not self.__eq__(other)


# ____________________________________________________________
# Parsing

def string_to_int(s, base=10, allow_underscores=False, no_implicit_octal=False):
    """int(s, base): white space around, a sign, 0x/0o/0b prefixes (base 0
    guesses the base from the prefix).  ParseStringError if s is not a valid
    literal, InvalidBaseError for a bad base, ParseStringOverflowError if
    the value does not fit in a machine word."""
    p = NumberStringParser(s, s, base, 'int', allow_underscores, no_implicit_octal)
    base = p.base
    result = 0
    while True:
        digit = p.next_digit()
        if digit == -1:
            return result
        # Accumulate with the sign so the most negative word parses too.
        if p.sign == -1:
            if result < (MININT + digit + base - 1) // base:
                p.rewind()
                raise ParseStringOverflowError(p)
            result = result * base - digit
        else:
            if result > (maxint - digit) // base:
                p.rewind()
                raise ParseStringOverflowError(p)
            result = result * base + digit
