# __len__ on user classes: len(x) and the truth value of x.

class Stack(object):
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)

    def pop(self):
        return self.items.pop()

    def __len__(self):
        return len(self.items)

class Span(object):
    def __init__(self, lo, hi):
        self.lo = lo
        self.hi = hi

    def __len__(self):
        if self.hi < self.lo:
            return 0
        return self.hi - self.lo

def entry_point(argv):
    s = Stack()
    print len(s)
    for i in range(5):
        s.push(i * i)
    print len(s)
    s.pop()
    print len(s)
    total = 0
    while len(s) > 0:
        total += s.pop()
    print total, len(s)
    print len(Span(3, 10)), len(Span(10, 3))
    return 0

def target(driver, args):
    return entry_point, None
