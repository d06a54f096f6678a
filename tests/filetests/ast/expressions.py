# Every expression kind.
a and b and c
a or b
a and b or not c
a + b - c * d / e // f % g ** h
a << b >> c & d | e ^ f
~a, +a, -a, not a
- - a
lambda: 0
lambda x, (y, z)=(1, 2), *args, **kwargs: x
a if b else c
a if b else c if d else e
{}
{1: 2}
{1: 2, 3: 4,}
{1, 2}
{1,}
[x for x in y]
{x for x in y}
{k: v for k, v in items}
(x for x in y)
def g():
    yield
    yield a
    yield a, b
    x = yield
    f((yield a))
a < b
a < b <= c > d >= e == f != g <> h
a in b, a not in b, a is b, a is not b
f()
f(a)
a.b.c
a[0]
a[i][j]
name
[]
[1, 2]
()
(1,)
(1, 2)
1, 2
(a)
((a, b))
`a`
`a, b`
None, True, False
f(x).y[z]
