# __iter__ and next(): user iterators consumed by for loops.

class Countdown(object):
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        return CountdownIter(self.start)

class CountdownIter(object):
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def next(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

class Chars(object):
    def __init__(self, s, step):
        self.s = s
        self.i = 0
        self.step = step

    def __iter__(self):
        return self

    def next(self):
        if self.i >= len(self.s):
            raise StopIteration
        c = self.s[self.i]
        self.i += self.step
        return c

def entry_point(argv):
    out = []
    for x in Countdown(5):
        out.append(x)
    print out
    total = 0
    for x in Countdown(100):
        total += x
    print total
    line = ""
    for c in Chars("abcdefghij", 3):
        line += c
    print line
    it = CountdownIter(3)
    print it.next(), it.next(), it.next()
    try:
        it.next()
    except StopIteration:
        print "exhausted"
    return 0

def target(driver, args):
    return entry_point, None
