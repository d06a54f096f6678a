# Calling the parent's method explicitly: Parent.method(self, ...).

class Base(object):
    def __init__(self, x):
        self.x = x
        self.log = ["Base.__init__"]

    def describe(self):
        return "Base(x=%d)" % self.x

    def compute(self, n):
        return self.x + n

class Middle(Base):
    def __init__(self, x, y):
        Base.__init__(self, x)
        self.y = y
        self.log.append("Middle.__init__")

    def describe(self):
        return "Middle[" + Base.describe(self) + ", y=%d]" % self.y

    def compute(self, n):
        return Base.compute(self, n) * self.y

class Leaf(Middle):
    def __init__(self):
        Middle.__init__(self, 1, 2)
        self.log.append("Leaf.__init__")

    def compute(self, n):
        return Middle.compute(self, n) + 1000

def entry_point(argv):
    objs = [Base(5), Middle(3, 4), Leaf()]
    for o in objs:
        print o.describe(), o.compute(10)
    print " > ".join(objs[2].log)
    return 0

def target(driver, args):
    return entry_point, None
