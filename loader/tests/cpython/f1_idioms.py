class specialize(object):
    @staticmethod
    def argtype(*args):
        def decorated(func):
            func._annspecialcase_ = 'specialize:argtype' + repr(args)
            return func
        return decorated
    def memo():
        def decorated(func):
            func._annspecialcase_ = 'specialize:memo'
            return func
        return decorated
    memo = staticmethod(memo)

@specialize.argtype(0)
def f(x): return x
@specialize.memo()
def g(): return 1
print f._annspecialcase_, g._annspecialcase_

class unrolling_iterable(object):
    def __init__(self, iterable):
        self._items = list(iterable)
    def __iter__(self):
        return iter(self._items)
ops = unrolling_iterable([(name, i) for i, name in enumerate(['a', 'b'])])
for name, i in ops:
    print name, i,
print

class JitDriver(object):
    def __init__(self, greens=None, reds=None, get_printable_location=None, **kw):
        self.greens = greens
        self.reds = reds
        self.gpl = get_printable_location
        for k, v in sorted(kw.items()):
            setattr(self, k, v)
def gpl(pc, code): return '%d:%s' % (pc, code[pc])
jd = JitDriver(greens=['pc', 'code'], reds=['frame'], get_printable_location=gpl, name='main')
print jd.greens, jd.reds, jd.gpl(0, 'x'), jd.name

BYTECODES = {}
names = 'LOAD_CONST ADD SUB JUMP'.split()
for i, n in enumerate(names):
    globals()[n] = i
    BYTECODES[i] = n
print LOAD_CONST, JUMP, BYTECODES[2], [BYTECODES[k] for k in sorted(BYTECODES)]

def we_are_translated(): return False
print we_are_translated()

TABLE = [chr(i) for i in range(256)]
print len(TABLE), TABLE[65], ''.join(TABLE[97:100])

class W_Root(object):
    _attrs_ = []
    __slots__ = ()
    def is_true(self): raise NotImplementedError
class W_Int(W_Root):
    _attrs_ = ['intval']
    _immutable_fields_ = ['intval']
    def __init__(self, v): self.intval = v
    def is_true(self): return self.intval != 0
print W_Int(3).is_true(), W_Int._attrs_, W_Root._attrs_

def import_from_mixin(M, special_methods=['__init__', '__del__']):
    frame = None
    return M

class Mix(object):
    def hello(self): return 'hi'
class UsesMix(object):
    import_from_mixin(Mix)
print UsesMix.__name__

Dyn = type('Dyn', (W_Root,), {'x': 5, 'meth': lambda self: self.x * 2})
print Dyn.x, Dyn().meth(), issubclass(Dyn, W_Root), Dyn.__name__

class Meta(type):
    pass
class WithMeta(object):
    __metaclass__ = Meta
    y = 3
print WithMeta.y

import math, time
print math.sqrt(16), math.floor(2.7), math.pi, math.log(math.e), math.fabs(-1), math.ceil(1.1), type(math.floor(1.5)), math.pow(2, 3), math.isnan(float('nan')), math.hypot(3, 4)
print isinstance(time.time(), float)
import string
print string.digits, string.ascii_lowercase[:3]
import operator
print operator.add(1, 2), operator.mul(3, 4), reduce(operator.add, [1, 2, 3])
print '%s-%s' % ('a', 'b'), '%5s|' % 'ab', '%-5s|' % 'ab', '%03d' % 7, '%.2e' % 12345.678, '%g' % 1e-10, '%g' % 123456789.0, '%G' % 1e-10
print 'a%%b %s' % 1, '%i' % 3, '%u' % 4, '%x' % -255, '%o' % 8, '%c%c' % (72, 'i'), '%r %r' % ('s', u's'), '%*d|%-*d|' % (4, 1, 3, 2)
print '%.3g|%10.4f|%-10.2f|%+.1f|% d' % (3.14159, 2.5, 2.5, 2.0, 5)
print 1e100, 1.5e-10, 123456789012.0, 1234567890123456789.0, 0.1 * 3, 1/3.0, -1.5, 2.0 ** 63, float(2 ** 53 + 1)
print repr(1e100), repr(1.5e-10), repr(123456789012.0), repr(1e15), repr(1e16), repr(0.0001), repr(0.00001)
print str(1.0), str(10.0), str(1e11), str(1e12), str(123456.7890123), 3.0 * 1e5
print round(3.14159, 3), round(1234.5678, -2), round(0.5), round(1.5), round(-0.5)
print int('-0'), int('010'), int('0b101', 2), int('z', 36), long('123'), int(2 ** 64 / 2 ** 60)
print 10 ** 18 * 10, -2 ** 63, (-2) ** 63, 2 ** 63, abs(-2 ** 63), -(2 ** 63) // -1, 5 % 0.0 if False else 'skip'
print hash('abc') == hash('abc'), hash(1) == hash(1.0), hash((1, 2)) == hash((1, 2))
print hash(0), hash(-1), hash(12345), hash('a'), hash(''), hash((1, 2)), hash(1.5), hash(True), hash(u'abc'), hash('hello world')
