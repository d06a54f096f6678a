# rlib helpers that translate to plain code: enforceargs, always_inline,
# not_rpython (never called), ll_assert, check_nonneg, make_sure_not_resized,
# string_to_int, and rbigint arithmetic.

from rpython.rlib.objectmodel import enforceargs, not_rpython, always_inline, dont_inline
from rpython.rlib.debug import ll_assert, check_nonneg, make_sure_not_resized, fatalerror
from rpython.rlib.rarithmetic import string_to_int
from rpython.rlib.rbigint import rbigint

@enforceargs(int, int)
def add(a, b):
    return a + b

@always_inline
def inl(x):
    return x * 2

@not_rpython
def never(x):
    return x

def entry_point(argv):
    print (1, 2) < (1, 3), (2, "a") > (1, "b"), (1, 2) <= (1, 2)
    print add(2, 3), inl(4)
    ll_assert(len(argv) > 0, "argv")
    check_nonneg(len(argv))
    l = [1, 2, 3]
    make_sure_not_resized(l)
    print string_to_int("123"), string_to_int("-ff", 16)
    a = rbigint.fromint(2)
    b = a.pow(rbigint.fromint(100))
    print b.str(), b.add(a).sub(a).eq(b), b.floordiv(rbigint.fromint(3)).str()
    print b.lshift(3).rshift(3).eq(b), b.tofloat() > 1e29
    return 0

def target(d, a):
    return entry_point, None
