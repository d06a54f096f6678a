# Bound methods as values: taken from instances, stored and called later.
# (The variables here hold bound methods of one class; the original
# toolchain rejects a variable mixing methods of different classes.)

class Acc(object):
    def __init__(self, name):
        self.name = name
        self.total = 0

    def add(self, n):
        self.total += n
        return self.total

    def scaled(self, n):
        return self.total * n

def feed(method, values):
    r = 0
    for v in values:
        r = method(v)
    return r

def entry_point(argv):
    a = Acc("a")
    b = Acc("b")
    c = Acc("c")
    m = a.add
    m(5)
    m(6)
    print a.name, a.total
    print feed(b.add, [1, 2, 3])
    print feed(c.add, [10])
    methods = [a.add, b.add, c.add]
    for meth in methods:
        meth(100)
    print a.total, b.total, c.total
    op = a.add
    if len(argv) > 10:
        op = c.add
    print op(1)
    s = b.scaled
    print s(2), a.scaled(3)
    return 0

def target(driver, args):
    return entry_point, None
