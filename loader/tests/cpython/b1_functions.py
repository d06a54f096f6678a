def f(a, b=2, *args, **kw):
    return a, b, args, sorted(kw.items())
print f(1), f(1, 3), f(1, 2, 3, 4), f(1, x=5), f(b=7, a=0), f(*[1, 2, 3]), f(1, **{'b': 9, 'z': 1})
def g((a, b), c):
    return a + b + c
print g((1, 2), 3)
for bad in [lambda: f(), lambda: f(1, a=2), lambda: g(1), lambda: len(1, 2), lambda: f(1, 2, zz=3, **{'zz': 4})]:
    try:
        bad()
    except TypeError, e:
        print 'TypeError:', e
def h(x):
    def inner(y):
        return x + y
    return inner
add5 = h(5)
print add5(1), h(10)(1), add5.__name__, f.func_name, f.__defaults__ if hasattr(f, '__defaults__') else None, f.func_defaults
def counter():
    n = [0]
    def inc():
        n[0] += 1
        return n[0]
    return inc
c = counter(); c(); print c(), c()
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print [a(10) for a in make_adders()]
def late():
    fs = []
    for i in range(3):
        def fn(): return i
        fs.append(fn)
    return [fn() for fn in fs]
print late()
def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()()
print outer()
def deco(fn):
    def wrapper(*a):
        return 'wrapped(%s)' % fn(*a)
    wrapper.__name__ = fn.__name__
    return wrapper
def deco_args(tag):
    def d(fn):
        fn.tag = tag
        return fn
    return d
@deco
@deco_args('T')
def decorated(x):
    return x * 2
print decorated(4), decorated.__name__
@deco_args('U')
def plain(): pass
print plain.tag, getattr(plain, 'tag'), hasattr(plain, 'nope'), getattr(plain, 'nope', 'dflt')
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print fact(20), fact(25)
def gen(n):
    for i in range(n):
        yield i * i
print list(gen(4)), sum(gen(3))
g2 = gen(2); print g2.next(), next(g2)
def kwonly(**kw): return sorted(kw)
print kwonly(a=1, b=2)
G = 10
def useglobal():
    global G
    G += 1
    return G
print useglobal(), G
def unbound():
    print zz_undefined_name
try:
    unbound()
except NameError, e:
    print e
def local_before():
    v = v0 + 1
    v0 = 1
try:
    local_before()
except UnboundLocalError as e:
    print 'UnboundLocalError', e
print (lambda: 42)(), (lambda *a: a)(1, 2), (lambda **k: k)(a=1)
print apply(f, (1,), {'b': 3}) if 'apply' in dir(__builtins__) else f(1, b=3)
