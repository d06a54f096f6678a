class A(object):
    x = 1
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v + self.x
    @staticmethod
    def s(a): return a * 2
    @classmethod
    def c(cls): return cls.__name__
    def _get_p(self): return self.v * 10
    p = property(_get_p)
class B(A):
    x = 5
    def get(self):
        return A.get(self) * 100
    def __repr__(self): return 'B(%d)' % self.v
    def __str__(self): return 'b%d' % self.v
b = B(2); a = A(1)
print a.get(), b.get(), A.s(3), b.s(4), B.c(), b.c(), a.p, b.p, b, repr(b), str(b), [b]
print isinstance(b, A), isinstance(a, B), issubclass(B, A), issubclass(A, object), B.__bases__ == (A,), B.__name__, type(b) is B, b.__class__.__name__
print hasattr(b, 'v'), hasattr(b, 'w'), getattr(b, 'x'), B.x, A.x
b.w = 7; setattr(b, 'z', 8); print b.w, b.z, sorted(b.__dict__.items())
A.x = 10; print a.get(), B.x
class Old:
    y = 2
    def m(self): return 'old'
o = Old(); print o.m(), o.y, Old.y
try:
    o.nope
except AttributeError, e:
    print e
try:
    a.nope
except AttributeError, e:
    print e
try:
    A.nope
except AttributeError, e:
    print e
class Mixin(object):
    def mix(self): return 'mix' + str(self.v)
class C(B, Mixin):
    pass
print C(3).mix(), C(3).get(), [k.__name__ for k in C.__mro__]
class D(A):
    def __init__(self, v, w):
        super(D, self).__init__(v)
        self.w = w
d = D(1, 2); print d.v, d.w, d.get()
class E(object):
    def __init__(self): self.items = [1, 2, 3]
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
    def __contains__(self, x): return x in self.items
    def __eq__(self, other): return isinstance(other, E)
    def __add__(self, other): return 'added'
    def __radd__(self, other): return 'radded'
    def __call__(self, x): return x + 1
    def __iter__(self): return iter(self.items)
e = E()
print len(e), e[1], 2 in e, e == E(), e != E(), e + 1, 1 + e, e(5), list(e), bool(e), [x for x in e]
class Counter(object):
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def next(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print list(Counter())
class WithSlots(object):
    __slots__ = ('a',)
print WithSlots.__slots__
class Prop(object):
    def __init__(self): self._x = 0
    def getx(self): return self._x
    def setx(self, v): self._x = v * 2
    x = property(getx, setx)
pp = Prop(); pp.x = 5; print pp.x
def method(self): return 'attached'
A.attached = method
print a.attached(), A.attached(a)
class Ops(object):
    pass
for name in ['add', 'sub']:
    def make(n):
        def op(self, x): return n + ':' + str(x)
        op.__name__ = 'op_' + n
        return op
    setattr(Ops, 'op_' + name, make(name))
print Ops().op_add(1), Ops().op_sub(2), Ops.op_add.__name__
class Gen(object):
    for i in range(3):
        locals()['f%d' % i] = i
    del i
print Gen.f0, Gen.f2, hasattr(Gen, 'i')
def factory(n):
    class K(object):
        val = n
        def get(self): return n * 2
    return K
K1 = factory(3); print K1.val, K1().get(), K1.__name__
class NoInit(object): pass
try:
    NoInit(1)
except TypeError, e:
    print e
class BadInit(object):
    def __init__(self, a): pass
try:
    BadInit()
except TypeError, e:
    print e
