# record_exact_class tells the JIT the exact class of a value; the program
# behaves the same without it.

from rpython.rlib import jit

class W_Root(object):
    def value(self):
        return 0

class W_Int(W_Root):
    def __init__(self, n):
        self.n = n

    def value(self):
        return self.n

class W_Str(W_Root):
    def __init__(self, s):
        self.s = s

    def value(self):
        return len(self.s)

def add_ints(a, b):
    jit.record_exact_class(a, W_Int)
    jit.record_exact_class(b, W_Int)
    return W_Int(a.value() + b.value())

def entry_point(argv):
    objs = [W_Int(3), W_Str("four"), W_Int(5)]
    total = 0
    for o in objs:
        total += o.value()
    print total
    r = add_ints(W_Int(20), W_Int(22))
    print r.value()
    return 0

def target(driver, args):
    return entry_point, None
