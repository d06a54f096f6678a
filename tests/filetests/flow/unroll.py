# Loops over a constant unrolling_iterable are unrolled at flow time.

OPS = unrolling_iterable([('add', 1), ('sub', 2)])
NAMES = unrolling_iterable(['a', 'b', 'c'])

def dispatch(opname, x):
    for name, code in OPS:
        if opname == name:
            return x + code
    return -1

def with_break_continue(s):
    n = 0
    for name in NAMES:
        if name == s:
            continue
        if n > 1:
            break
        n += 1
    else:
        n = -1
    return n

PAIR = (1, 'one')

def constant_unpacking():
    a, b = PAIR
    return a, b
