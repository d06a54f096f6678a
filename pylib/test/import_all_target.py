"""A target that imports every module of the bundled rpython package and
uses some of them at import time, so that the translator's loader evaluates
them all (tests/tests/pylib.rs runs `translate --dump=modules` on it).
Also runs untranslated: python2.7 tools/run_untranslated.py pylib/test/import_all_target.py
"""

from rpython.rlib import jit, objectmodel, rarithmetic, rstring, unroll, debug
from rpython.rlib import rbigint, streamio, rfile, listsort, rfloat, rrandom, rgc, nonconst
from rpython.rlib.jit import JitDriver, elidable, dont_look_inside, unroll_safe, promote
from rpython.rlib.jit import look_inside_iff, elidable_promote, oopspec
from rpython.rlib.objectmodel import specialize, r_dict, we_are_translated, enforceargs
from rpython.rlib.objectmodel import compute_hash, always_inline, not_rpython
from rpython.rlib.rarithmetic import r_uint, r_int32, intmask, ovfcheck, LONG_BIT
from rpython.rlib.rstring import StringBuilder, split, replace
from rpython.rlib.unroll import unrolling_iterable
from rpython.rlib.rbigint import rbigint as rbigint_class
from rpython.rlib.listsort import TimSort, make_timsort_class
from rpython.jit.codewriter.policy import JitPolicy
from rpython.tool.sourcetools import func_with_new_name

# Import-time uses: prebuilt constants of the library's types.
MASK = r_uint(-1)
TOP_BIT = r_uint(1) << (LONG_BIT - 1)
WRAPPED = intmask(MASK + r_uint(5))
SMALL = r_int32(2 ** 31)
PRODUCT = r_uint(0xFFFFFFFFFFFF) * r_uint(0xFFFFFFFFFFFF)
OPS = unrolling_iterable(['add', 'sub', 'mul'])
BIG = rbigint_class.fromstr('123456789012345678901234567890')
BIG_SQUARE = BIG.mul(BIG).str()
SORTED = [5, 3, 9, 1, 7, 3]
TimSort(SORTED).sort()
RNG = rrandom.Random(42)
FIRST_RANDOM = RNG.random()
WORDS = split('a b  c', ' ')
FORMATTED = rfloat.formatd(2.5, 'f', 3)
HASHES = [compute_hash('abc'), compute_hash(5), compute_hash(None)]
PARSED = rarithmetic.string_to_int('-0x1F', 16)


def _eq(a, b):
    return a == b


def _hash(a):
    return compute_hash(a)

SYMBOLS = r_dict(_eq, _hash)
SYMBOLS['x'] = 1
SYMBOLS['y'] = 2
SYMBOLS['x'] = 3

# ____________________________________________________________
# Self-checks run at import time, by CPython and by the translator's
# evaluator alike: both must compute what Python's own operations give.
# (Values stay below 2**120: the evaluator's integers have 128 bits.)

def _raises(exc, func, *args):
    try:
        func(*args)
    except exc:
        return True
    return False


def _check_rarithmetic():
    assert MASK == 2 ** 64 - 1 and TOP_BIT == 2 ** 63 and WRAPPED == 4
    assert PRODUCT == (0xFFFFFFFFFFFF * 0xFFFFFFFFFFFF) % 2 ** 64
    assert SMALL == -2 ** 31
    assert r_uint(0) - 1 == MASK
    assert r_uint(7) // 2 == 3 and r_uint(7) % 4 == 3
    assert r_uint(-1) >> 60 == 15
    assert intmask(2 ** 63) == -2 ** 63 and intmask(r_uint(-7)) == -7
    assert ovfcheck(2 ** 62) == 2 ** 62
    assert _raises(OverflowError, ovfcheck, 2 ** 63)
    assert rarithmetic.string_to_int(' 123 ') == 123
    assert _raises(rstring.ParseStringOverflowError, rarithmetic.string_to_int, '9' * 25)
    assert _raises(rstring.ParseStringError, rarithmetic.string_to_int, '12a')
    assert str(r_uint(5)) == '5' and repr(r_uint(5)) == '5L'
    assert float(rarithmetic.r_singlefloat(0.1)) == 0.10000000149011612


def _check_rbigint():
    vals = [0, 1, -1, 7, -12345, 2 ** 31 - 1, 2 ** 31, 2 ** 62 + 3, -2 ** 63, 2 ** 63,
            2 ** 64 + 5, -(2 ** 90) - 3, 2 ** 100 + 7, 3 ** 60, -(5 ** 40)]
    for a in vals:
        ba = rbigint_class.fromlong(a)
        assert ba.tolong() == a
        assert ba.str() == str(a)
        assert ba.neg().tolong() == -a and ba.invert().tolong() == ~a
        assert ba.lshift(5).tolong() == a << 5 and ba.rshift(33).tolong() == a >> 33
        assert ba.tofloat() == float(a)
        for b in vals:
            bb = rbigint_class.fromlong(b)
            assert ba.add(bb).tolong() == a + b
            assert ba.sub(bb).tolong() == a - b
            if abs(a) < 2 ** 60 and abs(b) < 2 ** 60:
                assert ba.mul(bb).tolong() == a * b
            if b != 0:
                assert ba.floordiv(bb).tolong() == a // b
                assert ba.mod(bb).tolong() == a % b
            assert ba.and_(bb).tolong() == a & b
            assert ba.or_(bb).tolong() == a | b
            assert ba.xor(bb).tolong() == a ^ b
            assert ba.lt(bb) == (a < b) and ba.eq(bb) == (a == b)
    assert rbigint_class.fromstr('-0x1f', 16).tolong() == -31
    assert rbigint_class.fromint(3).pow(rbigint_class.fromint(70)).tolong() == 3 ** 70


def _check_rstring_rfloat():
    for s in ['', 'a b', '  a  b  c ', 'a,b,,c', ',', 'abcabc']:
        for by in [None, ',', 'b', 'bc']:
            for n in [-1, 0, 1, 2]:
                assert split(s, by, n) == s.split(by, n)
                assert rstring.rsplit(s, by, n) == s.rsplit(by, n)
        for sub in ['', 'a', 'bc']:
            assert replace(s, sub, 'XY') == s.replace(sub, 'XY')
            if s:
                assert replace(s, sub, '', 1) == s.replace(sub, '', 1)
    # What CPython 2.7 gives: the rest after maxsplit keeps its white space;
    # an empty string is returned unchanged by replace() with a count.
    assert split('  a  b  c ', None, 1) == ['a', 'b  c ']
    assert split('  a  b  c ', None, 0) == ['a  b  c ']
    assert rstring.rsplit('  a  b  c ', None, 1) == ['  a  b', 'c']
    assert rstring.rsplit(' x ', None, 0) == [' x']
    assert replace('', '', 'XY', 1) == ''
    assert replace('', '', 'XY') == 'XY'
    b = StringBuilder()
    b.append('ab')
    b.append_slice('xyz', 1, 3)
    b.append_multiple_char('-', 3)
    assert b.build() == 'abyz---' and b.getlength() == 7
    assert rfloat.formatd(1.0, 'r', 0, rfloat.DTSF_ADD_DOT_0) == '1.0'
    assert rfloat.formatd(0.1, 'g', 12, rfloat.DTSF_ADD_DOT_0) == '0.1'
    assert rfloat.formatd(123456789012.0, 'g', 12, rfloat.DTSF_ADD_DOT_0) == '1.23456789012e+11'
    assert FORMATTED == '2.500'
    assert rfloat.string_to_float(' 2.5 ') == 2.5
    assert _raises(rstring.ParseStringError, rfloat.string_to_float, 'x')
    assert rfloat.round_double(2.5, 0) == 3.0 and rfloat.round_double(1234.5678, -2) == 1200.0
    assert rfloat.isinf(rfloat.INFINITY) and rfloat.isnan(rfloat.NAN)


def _check_objectmodel_jit():
    assert HASHES == [1453079729188098211, 5, 0]
    assert compute_hash(0.5) == 1073741824
    assert SYMBOLS.keys() == ['x', 'y'] and SYMBOLS['x'] == 3 and len(SYMBOLS) == 2
    del SYMBOLS['y']
    SYMBOLS['z'] = 4
    assert SYMBOLS.items() == [('x', 3), ('z', 4)]
    assert double._annspecialcase_ == 'specialize:argtype(0)'
    assert lookup._elidable_function_ is True
    assert small_loop(2) == 1 and small_loop(10) == 45
    assert promoted(1, 2) == 3
    assert list(OPS) == ['add', 'sub', 'mul']
    d = JitDriver(greens=['pc'], reds=['n'])
    d.jit_merge_point(pc=1, n=2)
    try:
        d.jit_merge_point(pc=1)
    except AssertionError:
        pass
    else:
        raise AssertionError("missing red not detected")
    assert jit.PARAMETERS['threshold'] == 1039
    assert we_are_translated() is False


def _check_sort_random():
    assert SORTED == [1, 3, 3, 5, 7, 9]
    items = [(i * 7919) % 101 for i in range(300)]
    pairs = [(x % 10, i) for i, x in enumerate(items)]

    class ByKey(TimSort):
        def lt(self, a, b):
            return a[0] < b[0]
    ByKey(pairs).sort()
    for i in range(len(pairs) - 1):
        assert pairs[i][0] < pairs[i + 1][0] or (
            pairs[i][0] == pairs[i + 1][0] and pairs[i][1] < pairs[i + 1][1])
    TimSort(items).sort()
    assert items == sorted(items)
    assert FIRST_RANDOM == 0.3745401188473625
    r = rrandom.Random.from_cpython_seed(1)
    assert r.random() == 0.13436424411240122



driver = JitDriver(greens=['pc', 'program'], reds=['acc', 'frame'],
                   get_printable_location=lambda pc, program: program[pc])


class Frame(object):
    _immutable_fields_ = ['code']

    def __init__(self, code):
        self.code = code


@elidable
def lookup(name):
    return len(name)


@specialize.argtype(0)
def double(x):
    return x + x


@look_inside_iff(lambda n: n < 3)
def small_loop(n):
    total = 0
    i = 0
    while i < n:
        total += i
        i += 1
    return total


@elidable_promote()
def promoted(a, b):
    return a + b


class Base(object):
    def hello(self):
        return 'hello'


class Concrete(object):
    objectmodel.import_from_mixin(Base)

assert Concrete().hello() == 'hello'


_check_rarithmetic()
_check_rbigint()
_check_rstring_rfloat()
_check_objectmodel_jit()
_check_sort_random()


def entry_point(argv):
    program = 'abc'
    frame = Frame(program)
    acc = 0
    pc = 0
    while pc < len(program):
        driver.jit_merge_point(pc=pc, program=program, acc=acc, frame=frame)
        acc += lookup(program[pc])
        pc += 1
    print acc, WRAPPED, BIG_SQUARE == str(123456789012345678901234567890 ** 2)
    return 0


def target(driver, args):
    return entry_point, None


def jitpolicy(driver):
    return JitPolicy()
