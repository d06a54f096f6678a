# Arithmetic, unary operators, literals, containers, attributes, subscripts.

def add(a, b):
    return a + b

def mixed(x, y):
    z = (x * 2 - y) // 3 % 7
    w = x / y
    v = x ** 2
    return z << 1 | w & v ^ ~x

def unary(x):
    return -x, +x, ~x, not x, -5, -2.5

def augmented(x, lst, obj):
    x += 1
    x -= 2
    x *= 3
    x //= 4
    lst[0] += x
    obj.count += 1
    lst[1:2] += [x]
    return x

def literals():
    a = 12345678901234567890
    b = 7L
    c = 'abc'
    d = u'uni'
    e = 1.5
    f = None
    return (a, b, c, d, e, f, True, False)

def containers(x, y):
    t = (x, y)
    l = [x, y, 3]
    d = {x: y, 'k': 1}
    empty = []
    return t, l, d, empty

def subscripts(s, i, j):
    a = s[i]
    b = s[i:j]
    c = s[:j]
    d = s[i:]
    e = s[:]
    s[i] = a
    s[i:j] = b
    del s[i]
    del s[i:j]
    return c, d, e

def attributes(obj, v):
    obj.field = v
    x = obj.field
    obj.method(x)
    return `x`

def unpacking(pair, a, b):
    x, y = pair
    a, b = b, a
    (p, (q, r)) = pair
    [m, n] = a, b
    i = j = 0
    return x, y, a, b, p, q, r, m, n, i, j
