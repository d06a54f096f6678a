# Keyword arguments at call sites, mixed with positional and default ones,
# for functions, methods and constructors.

def rect(x, y, width=1, height=1, label="r"):
    return "%s(%d,%d %dx%d)" % (label, x, y, width, height)

class Shape(object):
    def __init__(self, name, sides=0, closed=True):
        self.name = name
        self.sides = sides
        self.closed = closed

    def resize(self, factor=1, extra=0):
        return self.sides * factor + extra

def entry_point(argv):
    print rect(1, 2)
    print rect(1, 2, height=5)
    print rect(y=3, x=4)
    print rect(0, 0, label="sq", width=7, height=7)
    print rect(5, 6, 2, label="x")
    s = Shape("tri", sides=3)
    t = Shape(name="line", closed=False)
    print s.name, s.sides, t.name, t.sides
    if not t.closed:
        print "line is open"
    print s.resize(), s.resize(extra=1), s.resize(factor=2, extra=1), s.resize(3)
    return 0

def target(driver, args):
    return entry_point, None
