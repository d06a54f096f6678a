# Bools merge with ints into ints (so `x` below prints 1 where CPython
# prints True); `and`/`or` join the values of both sides.

def truth(n):
    return n > 0

def entry_point(argv):
    t = truth(1)
    f = truth(-1)
    print t and f, t or f, not t
    x = t or 5
    print x
    return t

def target(driver, args):
    return entry_point, None
