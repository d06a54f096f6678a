"""Arbitrary-precision integers for RPython programs (Python's long).

An rbigint is immutable: `sign` (-1, 0 or 1) and `_digits`, the magnitude
as a list of 31-bit digits, least significant first, with no zero digits at
the top (zero is [0] with sign 0).  Written in the RPython subset: every
intermediate value fits in a signed 64-bit machine word (digit products are
below 2**62), so the same code runs untranslated and translated.  Only
fromlong() and tolong() use Python longs; they are for tests and import
time.

Constructors (static methods): fromint(i), fromlong(l), fromstr(s, base=0),
fromdecimalstr(s), fromfloat(f), fromrarith_int(i), frombool(b).
Conversions: toint() (OverflowError if it does not fit in a word), touint(),
tofloat() (correctly rounded; OverflowError if too large), tolong(),
str(), repr() (with 'L'), hex(), oct(), format(digits, prefix, suffix),
tobool(), bit_length(), hash() (the same value as CPython 2.7's hash()).
Arithmetic (each returns a new rbigint): add, sub, mul, floordiv (also div),
truediv (a float, correctly rounded), mod, divmod, pow(other, modulo=None),
neg, abs, invert, lshift(n), rshift(n), and_, or_, xor; int_add, int_sub,
int_mul, int_floordiv, int_mod, int_and_, int_or_, int_xor take a machine
int.  Comparisons: eq, ne, lt, le, gt, ge and their int_ forms.
Division follows Python: the quotient rounds down, the remainder has the
divisor's sign; ZeroDivisionError for a zero divisor.
"""

import math

from rpython.rlib.rarithmetic import intmask, r_uint, LONG_BIT, maxint
from rpython.rlib.rstring import NumberStringParser, strip_spaces

SHIFT = 31
BASE = 1 << SHIFT
MASK = BASE - 1
MAXINT = maxint
MININT = -MAXINT - 1


# ____________________________________________________________
# Operations on magnitudes (lists of digits, least significant first)

def _normalize(z):
    """z without zero digits at the top (at least one digit kept)."""
    n = len(z)
    while n > 1 and z[n - 1] == 0:
        n -= 1
    if n < len(z):
        return z[0:n]
    return z


def _bits_in_digit(d):
    n = 0
    while d:
        d >>= 1
        n += 1
    return n


def _is_zero(a):
    return len(a) == 1 and a[0] == 0


def _cmp_mag(a, b):
    if len(a) != len(b):
        if len(a) < len(b):
            return -1
        return 1
    i = len(a) - 1
    while i >= 0:
        if a[i] != b[i]:
            if a[i] < b[i]:
                return -1
            return 1
        i -= 1
    return 0


def _add_mag(a, b):
    if len(a) < len(b):
        a, b = b, a
    size_a = len(a)
    size_b = len(b)
    z = [0] * (size_a + 1)
    carry = 0
    i = 0
    while i < size_b:
        carry += a[i] + b[i]
        z[i] = carry & MASK
        carry >>= SHIFT
        i += 1
    while i < size_a:
        carry += a[i]
        z[i] = carry & MASK
        carry >>= SHIFT
        i += 1
    z[i] = carry
    return _normalize(z)


def _sub_mag(a, b):
    """a - b for magnitudes with a >= b."""
    size_a = len(a)
    size_b = len(b)
    z = [0] * size_a
    borrow = 0
    i = 0
    while i < size_b:
        borrow = a[i] - b[i] - borrow
        z[i] = borrow & MASK
        borrow = (borrow >> SHIFT) & 1
        i += 1
    while i < size_a:
        borrow = a[i] - borrow
        z[i] = borrow & MASK
        borrow = (borrow >> SHIFT) & 1
        i += 1
    return _normalize(z)


def _mul_mag(a, b):
    if _is_zero(a) or _is_zero(b):
        return [0]
    size_a = len(a)
    size_b = len(b)
    z = [0] * (size_a + size_b)
    i = 0
    while i < size_a:
        ai = a[i]
        if ai != 0:
            carry = 0
            j = 0
            while j < size_b:
                carry += z[i + j] + ai * b[j]
                z[i + j] = carry & MASK
                carry >>= SHIFT
                j += 1
            k = i + size_b
            while carry:
                carry += z[k]
                z[k] = carry & MASK
                carry >>= SHIFT
                k += 1
        i += 1
    return _normalize(z)


def _muladd1(a, m, c):
    """a * m + c for a magnitude a and 0 <= m, c < BASE."""
    size_a = len(a)
    z = [0] * (size_a + 1)
    carry = c
    i = 0
    while i < size_a:
        carry += a[i] * m
        z[i] = carry & MASK
        carry >>= SHIFT
        i += 1
    z[size_a] = carry
    return _normalize(z)


def _divrem1(a, n):
    """(a // n, a % n) for a magnitude a and a digit 0 < n < BASE."""
    size = len(a)
    z = [0] * size
    rem = 0
    i = size - 1
    while i >= 0:
        rem = (rem << SHIFT) | a[i]
        q = rem // n
        z[i] = q
        rem -= q * n
        i -= 1
    return _normalize(z), rem


def _shl_small(a, d):
    """a << d for 0 <= d < SHIFT, with one more digit (maybe zero) on top."""
    size = len(a)
    z = [0] * (size + 1)
    carry = 0
    i = 0
    while i < size:
        acc = (a[i] << d) | carry
        z[i] = acc & MASK
        carry = acc >> SHIFT
        i += 1
    z[size] = carry
    return z


def _shr_small(a, d):
    """a >> d for 0 <= d < SHIFT."""
    size = len(a)
    z = [0] * size
    carry = 0
    lowmask = (1 << d) - 1
    i = size - 1
    while i >= 0:
        acc = (carry << SHIFT) | a[i]
        z[i] = acc >> d
        carry = a[i] & lowmask
        i -= 1
    return _normalize(z)


def _divrem_mag(a, b):
    """(a // b, a % b) for magnitudes with len(b) >= 2 and a >= b
    (Knuth's algorithm D)."""
    size_v = len(b)
    d = SHIFT - _bits_in_digit(b[size_v - 1])
    v = _shl_small(b, d)[0:size_v]
    u = _shl_small(a, d)
    size_u = len(u)
    k = size_u - size_v
    q = [0] * k
    vtop = v[size_v - 1]
    vnext = v[size_v - 2]
    j = k - 1
    while j >= 0:
        top = u[j + size_v]
        vv = (top << SHIFT) | u[j + size_v - 1]
        qhat = vv // vtop
        rhat = vv - qhat * vtop
        while qhat >= BASE or qhat * vnext > ((rhat << SHIFT) | u[j + size_v - 2]):
            qhat -= 1
            rhat += vtop
            if rhat >= BASE:
                break
        # u[j:j+size_v+1] -= qhat * v
        carry = 0
        borrow = 0
        i = 0
        while i < size_v:
            p = qhat * v[i] + carry
            carry = p >> SHIFT
            t = u[i + j] - (p & MASK) + borrow
            u[i + j] = t & MASK
            borrow = t >> SHIFT
            i += 1
        t = u[j + size_v] - carry + borrow
        u[j + size_v] = t & MASK
        if t < 0:
            # qhat was one too large: add v back.
            qhat -= 1
            carry = 0
            i = 0
            while i < size_v:
                carry += u[i + j] + v[i]
                u[i + j] = carry & MASK
                carry >>= SHIFT
                i += 1
            u[j + size_v] = (u[j + size_v] + carry) & MASK
        q[j] = qhat
        j -= 1
    rem = _shr_small(_normalize(u[0:size_v]), d)
    return _normalize(q), rem


def _divrem_magnitudes(a, b):
    """(a // b, a % b) for magnitudes, b not zero."""
    if _cmp_mag(a, b) < 0:
        return [0], a
    if len(b) == 1:
        q, r = _divrem1(a, b[0])
        return q, [r]
    return _divrem_mag(a, b)


def _top_bits(a, shift):
    """(a >> shift, whether any of the shifted-out bits is set), for a
    magnitude a whose value >> shift is below 2**62."""
    wordshift = shift // SHIFT
    bitshift = shift - wordshift * SHIFT
    size = len(a)
    x = 0
    i = size - 1
    while i > wordshift:
        x |= a[i] << ((i - wordshift) * SHIFT - bitshift)
        i -= 1
    x |= a[wordshift] >> bitshift
    sticky = (a[wordshift] & ((1 << bitshift) - 1)) != 0
    i = 0
    while i < wordshift and not sticky:
        if a[i] != 0:
            sticky = True
        i += 1
    return x, sticky


def _bit_length_int(x):
    n = 0
    while x:
        x >>= 1
        n += 1
    return n


def _round_to_float(m, e, sticky, negative, overflow_msg):
    """The double nearest to (m + epsilon) * 2**e, where 0 < m < 2**62 and
    epsilon in (0, 1) is present if sticky; ties go to even."""
    nbits = _bit_length_int(m)
    top = nbits + e
    lsb = top - 53
    if lsb < -1074:
        lsb = -1074
    drop = lsb - e
    if drop > 0:
        if drop > nbits:
            m = 0
        else:
            half = (m >> (drop - 1)) & 1
            low = m & ((1 << (drop - 1)) - 1)
            m >>= drop
            if half and (low != 0 or sticky or (m & 1)):
                m += 1
        e = lsb
    if m != 0 and _bit_length_int(m) + e > 1024:
        raise OverflowError(overflow_msg)
    x = math.ldexp(float(m), e)
    if negative:
        return -x
    return x


# ____________________________________________________________

class rbigint(object):
    """An arbitrary-precision integer."""
    _immutable_ = True
    _immutable_fields_ = ["_digits[*]", "sign"]

    def __init__(self, digits=None, sign=0):
        if digits is None:
            digits = [0]
        self._digits = digits
        self.sign = sign

    # -- construction
    @staticmethod
    def fromint(intval):
        if intval == 0:
            return NULLRBIGINT
        if intval == MININT:
            return rbigint([0, 0, 2], -1)
        sign = 1
        if intval < 0:
            sign = -1
            intval = -intval
        digits = []
        while intval:
            digits.append(intval & MASK)
            intval >>= SHIFT
        return rbigint(digits, sign)

    @staticmethod
    def frombool(b):
        if b:
            return ONERBIGINT
        return NULLRBIGINT

    @staticmethod
    def fromrarith_int(i):
        """From an r_uint (any value below 2**64) or another integer."""
        if isinstance(i, r_uint):
            digits = []
            x = i
            while x:
                digits.append(intmask(x & MASK))
                x = x >> SHIFT
            if not digits:
                return NULLRBIGINT
            return rbigint(digits, 1)
        return rbigint.fromint(intmask(i))

    @staticmethod
    def fromlong(l):
        """From a Python long (untranslated only)."""
        sign = 1
        if l < 0:
            sign = -1
            l = -l
        elif l == 0:
            return NULLRBIGINT
        digits = []
        while l:
            digits.append(int(l & MASK))
            l >>= SHIFT
        return rbigint(digits, sign)

    @staticmethod
    def fromfloat(dval):
        """The integer part of a float (OverflowError for infinities,
        ValueError for NaN)."""
        if math.isinf(dval):
            raise OverflowError("cannot convert float infinity to integer")
        if math.isnan(dval):
            raise ValueError("cannot convert float NaN to integer")
        negative = dval < 0.0
        if negative:
            dval = -dval
        frac, expo = math.frexp(dval)       # dval = frac * 2**expo, 0.5 <= frac < 1
        if expo <= 0:
            return NULLRBIGINT
        ndig = (expo - 1) // SHIFT + 1
        digits = [0] * ndig
        frac = math.ldexp(frac, (expo - 1) % SHIFT + 1)
        i = ndig - 1
        while i >= 0:
            bits = int(frac)
            digits[i] = bits
            frac -= float(bits)
            frac = math.ldexp(frac, SHIFT)
            i -= 1
        sign = 1
        if negative:
            sign = -1
        return rbigint(_normalize(digits), sign)

    @staticmethod
    def fromstr(s, base=0, allow_underscores=False):
        """long(s, base): like rarithmetic.string_to_int, without the size
        limit, and a final 'l' or 'L' is ignored (for bases below 22, where
        it is not a digit).  Raises rstring.ParseStringError."""
        s = literal = strip_spaces(s)
        if (s.endswith('l') or s.endswith('L')) and base < 22:
            s = s[:len(s) - 1]
        parser = NumberStringParser(s, literal, base, 'long', allow_underscores)
        return rbigint._from_numberstring_parser(parser)

    @staticmethod
    def fromdecimalstr(s):
        return rbigint.fromstr(s, 10)

    @staticmethod
    def _from_numberstring_parser(parser):
        """Reads the digits of a NumberStringParser (as ParseStringOverflowError
        hands it over)."""
        base = parser.base
        # Group digits: base**chunk stays below BASE.
        chunk = 1
        power = base
        while power * base < BASE:
            power *= base
            chunk += 1
        digits = [0]
        while True:
            acc = 0
            mul = 1
            n = 0
            while n < chunk:
                d = parser.next_digit()
                if d < 0:
                    break
                acc = acc * base + d
                mul *= base
                n += 1
            if n > 0:
                digits = _muladd1(digits, mul, acc)
            if n < chunk:
                break
        if _is_zero(digits):
            return NULLRBIGINT
        return rbigint(digits, parser.sign)

    # -- inspection
    def numdigits(self):
        return len(self._digits)

    def digit(self, i):
        return self._digits[i]

    def tobool(self):
        return self.sign != 0

    def bit_length(self):
        size = len(self._digits)
        if size == 1 and self._digits[0] == 0:
            return 0
        return (size - 1) * SHIFT + _bits_in_digit(self._digits[size - 1])

    # -- conversions
    def toint(self):
        """The value as a machine int; OverflowError if it does not fit."""
        nbits = self.bit_length()
        if nbits >= LONG_BIT:
            if nbits == LONG_BIT and self.sign < 0 and self._is_minint_magnitude():
                return MININT
            raise OverflowError("long int too large to convert to int")
        x = 0
        i = len(self._digits) - 1
        while i >= 0:
            x = (x << SHIFT) | self._digits[i]
            i -= 1
        if self.sign < 0:
            return -x
        return x

    def _is_minint_magnitude(self):
        d = self._digits
        return len(d) == 3 and d[0] == 0 and d[1] == 0 and d[2] == 2

    def tolonglong(self):
        return self.toint()

    def fits_int(self):
        try:
            self.toint()
        except OverflowError:
            return False
        return True

    def touint(self):
        """The value as an r_uint; ValueError if negative, OverflowError if
        it needs more than a word."""
        if self.sign < 0:
            raise ValueError("cannot convert negative integer to unsigned int")
        if self.bit_length() > LONG_BIT:
            raise OverflowError("long int too large to convert to unsigned int")
        x = r_uint(0)
        i = len(self._digits) - 1
        while i >= 0:
            x = (x << SHIFT) | r_uint(self._digits[i])
            i -= 1
        return x

    toulonglong = touint

    def tofloat(self):
        """The nearest float (ties to even); OverflowError if too large."""
        if self.sign == 0:
            return 0.0
        nbits = self.bit_length()
        if nbits <= 53:
            x = 0.0
            i = len(self._digits) - 1
            while i >= 0:
                x = x * float(BASE) + float(self._digits[i])
                i -= 1
            if self.sign < 0:
                return -x
            return x
        if nbits > 1025:
            raise OverflowError("long int too large to convert to float")
        shift = nbits - 55
        m, sticky = _top_bits(self._digits, shift)
        return _round_to_float(m, shift, sticky, self.sign < 0,
                               "long int too large to convert to float")

    def tolong(self):
        """The value as a Python long (untranslated only)."""
        l = 0L
        i = len(self._digits) - 1
        while i >= 0:
            l = (l << SHIFT) | self._digits[i]
            i -= 1
        if self.sign < 0:
            return -l
        return l

    def format(self, digits, prefix='', suffix=''):
        """The value written with the characters of `digits` (whose length
        is the base), e.g. format('01', '0b')."""
        base = len(digits)
        if self.sign == 0:
            return prefix + digits[0] + suffix
        # Largest power of base below BASE: convert a chunk at a time.
        chunk = 1
        power = base
        while power * base < BASE:
            power *= base
            chunk += 1
        pieces = []
        mag = self._digits
        while not _is_zero(mag):
            mag, rem = _divrem1(mag, power)
            last = _is_zero(mag)
            n = 0
            while n < chunk and (rem != 0 or not last):
                pieces.append(digits[rem % base])
                rem = rem // base
                n += 1
        pieces.reverse()
        result = prefix + ''.join(pieces) + suffix
        if self.sign < 0:
            return '-' + result
        return result

    def str(self):
        return self.format('0123456789')

    def repr(self):
        return self.format('0123456789', suffix='L')

    def hex(self):
        return self.format('0123456789abcdef', '0x', 'L')

    def oct(self):
        if self.sign == 0:
            return '0L'
        return self.format('01234567', '0', 'L')

    def hash(self):
        """The hash CPython 2.7 gives the same long."""
        x = r_uint(0)
        i = len(self._digits) - 1
        while i >= 0:
            x = (x << SHIFT) | (x >> (LONG_BIT - SHIFT))
            d = r_uint(self._digits[i])
            x = x + d
            if x < d:
                x = x + r_uint(1)
            i -= 1
        if self.sign < 0:
            x = r_uint(0) - x
        result = intmask(x)
        if result == -1:
            result = -2
        return result

    def __repr__(self):
        return "<rbigint %s>" % (self.str(),)

    # -- comparisons
    def eq(self, other):
        return self.sign == other.sign and _cmp_mag(self._digits, other._digits) == 0

    def ne(self, other):
        return not self.eq(other)

    def lt(self, other):
        if self.sign != other.sign:
            return self.sign < other.sign
        c = _cmp_mag(self._digits, other._digits)
        if self.sign < 0:
            return c > 0
        return c < 0

    def le(self, other):
        return not other.lt(self)

    def gt(self, other):
        return other.lt(self)

    def ge(self, other):
        return not self.lt(other)

    def int_eq(self, i):
        return self.eq(rbigint.fromint(i))

    def int_ne(self, i):
        return not self.int_eq(i)

    def int_lt(self, i):
        return self.lt(rbigint.fromint(i))

    def int_le(self, i):
        return self.le(rbigint.fromint(i))

    def int_gt(self, i):
        return self.gt(rbigint.fromint(i))

    def int_ge(self, i):
        return self.ge(rbigint.fromint(i))

    # -- arithmetic
    def neg(self):
        if self.sign == 0:
            return self
        return rbigint(self._digits, -self.sign)

    def abs(self):
        if self.sign >= 0:
            return self
        return rbigint(self._digits, 1)

    def invert(self):
        """~self == -(self + 1)"""
        return self.add(ONERBIGINT).neg()

    def add(self, other):
        if self.sign == 0:
            return other
        if other.sign == 0:
            return self
        if self.sign == other.sign:
            return rbigint(_add_mag(self._digits, other._digits), self.sign)
        c = _cmp_mag(self._digits, other._digits)
        if c == 0:
            return NULLRBIGINT
        if c > 0:
            return rbigint(_sub_mag(self._digits, other._digits), self.sign)
        return rbigint(_sub_mag(other._digits, self._digits), other.sign)

    def sub(self, other):
        return self.add(other.neg())

    def mul(self, other):
        if self.sign == 0 or other.sign == 0:
            return NULLRBIGINT
        return rbigint(_mul_mag(self._digits, other._digits), self.sign * other.sign)

    def _divrem(self, other):
        """Truncated division: (quotient, remainder with self's sign)."""
        if other.sign == 0:
            raise ZeroDivisionError("long division or modulo by zero")
        q, r = _divrem_magnitudes(self._digits, other._digits)
        qsign = 0
        if not _is_zero(q):
            qsign = self.sign * other.sign
        rsign = 0
        if not _is_zero(r):
            rsign = self.sign
        return rbigint(q, qsign), rbigint(r, rsign)

    def divmod(self, other):
        """(self // other, self % other), rounding down as Python does."""
        div, mod = self._divrem(other)
        if mod.sign * other.sign == -1:
            mod = mod.add(other)
            div = div.sub(ONERBIGINT)
        return div, mod

    def floordiv(self, other):
        div, mod = self.divmod(other)
        return div

    div = floordiv

    def mod(self, other):
        div, mod = self.divmod(other)
        return mod

    def truediv(self, other):
        """self / other as the nearest float."""
        if other.sign == 0:
            raise ZeroDivisionError("long division or modulo by zero")
        negative = (self.sign < 0) != (other.sign < 0)
        if self.sign == 0:
            if negative:
                return -0.0
            return 0.0
        na = self.bit_length()
        nb = other.bit_length()
        diff = na - nb
        if diff > 1026:
            raise OverflowError("integer division result too large for a float")
        if diff < -1080:
            if negative:
                return -0.0
            return 0.0
        k = 55 - diff
        a = self._digits
        b = other._digits
        if k > 0:
            a = rbigint(a, 1).lshift(k)._digits
        elif k < 0:
            b = rbigint(b, 1).lshift(-k)._digits
        q, r = _divrem_magnitudes(a, b)
        m = rbigint(q, 1).toint()
        return _round_to_float(m, -k, not _is_zero(r), negative,
                               "integer division result too large for a float")

    def pow(self, other, modulo=None):
        """self ** other, or pow(self, other, modulo): the result of the
        three-argument form has the sign of modulo."""
        if other.sign < 0:
            if modulo is not None:
                raise TypeError("pow() 2nd argument cannot be negative when "
                                "3rd argument specified")
            raise ValueError("bigint pow() too negative")
        if modulo is not None:
            if modulo.sign == 0:
                raise ValueError("pow() 3rd argument cannot be 0")
            m = modulo.abs()
            if m.eq(ONERBIGINT):
                return NULLRBIGINT
            base = self.mod(m)
        else:
            m = None
            base = self
        result = ONERBIGINT
        digits = other._digits
        i = len(digits) - 1
        while i >= 0:
            d = digits[i]
            bit = SHIFT - 1
            while bit >= 0:
                result = result.mul(result)
                if m is not None:
                    result = result.mod(m)
                if (d >> bit) & 1:
                    result = result.mul(base)
                    if m is not None:
                        result = result.mod(m)
                bit -= 1
            i -= 1
        if modulo is not None and modulo.sign < 0 and result.sign != 0:
            result = result.add(modulo)
        return result

    def lshift(self, n):
        if n < 0:
            raise ValueError("negative shift count")
        if self.sign == 0 or n == 0:
            return self
        wordshift = n // SHIFT
        remshift = n - wordshift * SHIFT
        shifted = _normalize(_shl_small(self._digits, remshift))
        if wordshift == 0:
            return rbigint(shifted, self.sign)
        z = [0] * (wordshift + len(shifted))
        i = 0
        while i < len(shifted):
            z[wordshift + i] = shifted[i]
            i += 1
        return rbigint(z, self.sign)

    def rshift(self, n):
        """self >> n, rounding down (towards minus infinity)."""
        if n < 0:
            raise ValueError("negative shift count")
        if self.sign == 0 or n == 0:
            return self
        if self.sign < 0:
            return self.invert().rshift(n).invert()
        wordshift = n // SHIFT
        if wordshift >= len(self._digits):
            return NULLRBIGINT
        remshift = n - wordshift * SHIFT
        z = _shr_small(self._digits[wordshift:len(self._digits)], remshift)
        if _is_zero(z):
            return NULLRBIGINT
        return rbigint(z, 1)

    def abs_rshift_and_mask(self, n, mask):
        """(abs(self) >> n) & mask, for a small mask."""
        return self.abs().rshift(n).and_(rbigint.fromint(mask)).toint()

    def _bitwise(self, op, other):
        size = len(self._digits)
        if len(other._digits) > size:
            size = len(other._digits)
        size += 1
        a = _twos(self, size)
        b = _twos(other, size)
        z = [0] * size
        i = 0
        while i < size:
            if op == '&':
                z[i] = a[i] & b[i]
            elif op == '|':
                z[i] = a[i] | b[i]
            else:
                z[i] = a[i] ^ b[i]
            i += 1
        if z[size - 1] == 0:
            z = _normalize(z)
            if _is_zero(z):
                return NULLRBIGINT
            return rbigint(z, 1)
        # Negative: the magnitude is the complement plus one.
        i = 0
        while i < size:
            z[i] = z[i] ^ MASK
            i += 1
        return rbigint(_add_mag(_normalize(z), [1]), -1)

    def and_(self, other):
        return self._bitwise('&', other)

    def or_(self, other):
        return self._bitwise('|', other)

    def xor(self, other):
        return self._bitwise('^', other)

    def int_add(self, i):
        return self.add(rbigint.fromint(i))

    def int_sub(self, i):
        return self.sub(rbigint.fromint(i))

    def int_mul(self, i):
        return self.mul(rbigint.fromint(i))

    def int_floordiv(self, i):
        return self.floordiv(rbigint.fromint(i))

    def int_mod(self, i):
        return self.mod(rbigint.fromint(i))

    def int_divmod(self, i):
        return self.divmod(rbigint.fromint(i))

    def int_and_(self, i):
        return self.and_(rbigint.fromint(i))

    def int_or_(self, i):
        return self.or_(rbigint.fromint(i))

    def int_xor(self, i):
        return self.xor(rbigint.fromint(i))

    def int_pow(self, i, modulo=None):
        return self.pow(rbigint.fromint(i), modulo)


def _twos(x, size):
    """The `size` low digits of x in two's complement (the digit above
    them repeats the top one: 0 or MASK)."""
    z = [0] * size
    if x.sign >= 0:
        i = 0
        while i < len(x._digits):
            z[i] = x._digits[i]
            i += 1
        return z
    m = _sub_mag(x._digits, [1])
    i = 0
    while i < size:
        d = 0
        if i < len(m):
            d = m[i]
        z[i] = d ^ MASK
        i += 1
    return z


NULLRBIGINT = rbigint([0], 0)
ONERBIGINT = rbigint([1], 1)
