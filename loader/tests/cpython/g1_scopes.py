def make(n):
    class K(object):
        size = n
        double = n * 2
        def get(self):
            return n + self.size
        items = [n * i for i in range(3)]
    return K
K = make(5)
print K.size, K.double, K().get(), K.items
x = 'global'
class C(object):
    x = 'class'
    y = x + '!'
    def m(self):
        return x
print C.y, C().m()
def f():
    x = 'local'
    class D(object):
        z = x
    return D.z
print f()
def g():
    l = [i for i in range(3)]
    return i
print g()
def h():
    s = set(j for j in range(3))
    try:
        return j
    except NameError:
        return 'no j'
print h()
def k():
    total = 0
    def add(v):
        return total + v
    total = 10
    return add(1)
print k()
counter = 0
def inc():
    global counter
    counter += 1
inc(); inc(); print counter
a = [1, 2, 3, 4, 5]
a[1:3] = [9]; print a
a[::2] = [0, 0]; print a
del a[::2]; print a
b = {'x': [1]}
b['x'] += [2]; b['y'] = b.get('y', 0) + 1; print b['x'], b['y']
class P(object): pass
p = P(); p.n = 1; p.n += 5; p.l = []; p.l += [1]; print p.n, p.l
q = r = []
q += [1]; print r
t = (1,)
t += (2,); print t
s = 'a'; s *= 3; print s
import sys
print sys.version_info[0], sys.version_info >= (2, 7)
v1, (v2, v3), v4 = 1, [2, 3], 'x'; print v1, v2, v3, v4
for i, (m, n) in enumerate([(1, 2), (3, 4)]): print i, m, n,
print
lam = lambda x, y=2, *z: (x, y, z)
print lam(1), lam(1, 3, 4, 5)
print [f2(3) for f2 in [lambda v: v + 1, lambda v: v * 2]]
def defaults_evaluated_once(l=[]):
    l.append(1); return len(l)
defaults_evaluated_once(); print defaults_evaluated_once()
print (lambda: (yield 1)) is not None
def kw(a, b): return a - b
print kw(b=1, a=5), kw(*(5, 1)), kw(5, **{'b': 2})
