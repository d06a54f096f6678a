# sys._getframe: frame objects of module, class and function frames.
import sys

f0 = sys._getframe()
print f0.f_code.co_name, f0.f_back is None, f0.f_locals is globals(), f0.f_globals is globals()
print sys._getframe(0).f_lineno
try:
    sys._getframe(1)
except ValueError, e:
    print 'ValueError:', e

def inner(a, b=2):
    c = a + b
    loc = sys._getframe(0).f_locals
    fr = sys._getframe(0)
    print fr.f_code.co_name, sorted(loc.keys()), loc['a'], loc['b'], loc['c']
    print fr.f_code is inner.func_code, fr.f_globals is globals()
    names = []
    f = fr
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    print names
    caller = sys._getframe(1)
    return caller.f_code.co_name, caller.f_locals

def outer(x):
    y = x * 2
    def clo():
        return y
    name, loc = inner(x)
    print name, sorted(loc.keys()), loc['y']
    loc['y'] = 0
    print y

outer(10)

def setter(name, value):
    sys._getframe(1).f_locals[name] = value

def caller_lineno():
    return sys._getframe(1).f_lineno

print caller_lineno()

class A(object):
    setter('x', 42)
    setter('double', lambda self: self.x * 2)
    print sorted(k for k in sys._getframe(0).f_locals if not k.startswith('__'))
    print sys._getframe(0).f_code.co_name
    where = sys._getframe(1).f_code.co_name
    line = caller_lineno()

print A.x, A().double(), A.where, A.line

class B(A):
    def __init__(self):
        self.v = sys._getframe(1).f_code.co_name

def make_b():
    return B()

print make_b().v

def recurse(n):
    if n == 0:
        depth = 0
        f = sys._getframe()
        while f.f_back is not None:
            depth += 1
            f = f.f_back
        return depth
    return recurse(n - 1)

print recurse(5), recurse(50)

# import_from_mixin copies a mixin's attributes into the class body.
from rpython.rlib.objectmodel import import_from_mixin

class Base(object):
    kind = 'base'
    def hello(self):
        return 'hello from ' + self.name()

class M(Base):
    counter = 7
    def __init__(self, v):
        self.v = v
    def name(self):
        return 'M%d' % self.v
    @staticmethod
    def twice(a):
        return a * 2
    def __repr__(self):
        return 'never copied'

class C(object):
    import_from_mixin(M)
    def total(self):
        return self.v + self.counter

c = C(5)
print c.name(), c.total(), C.twice(21), C.kind, c.hello()
print sorted(k for k in C.__dict__ if not k.startswith('__') or k == '__init__')
print C.__dict__['name'] is M.__dict__['name'], C.__dict__['name'].func_name, '__repr__' in C.__dict__

class D(object):
    x = 1
    import_from_mixin(M)
    counter = 100

print D(3).name(), D.counter, D.x

class Clash(object):
    def name(self):
        return 'mine'
    try:
        import_from_mixin(M)
    except Exception, e:
        print 'Exception:', e
