# instantiate(cls) creates an instance without calling __init__; the class
# may come from a variable.

from rpython.rlib.objectmodel import instantiate

class Base(object):
    def __init__(self):
        self.value = 100

    def kind(self):
        return "base"

class A(Base):
    def kind(self):
        return "A"

class B(Base):
    def kind(self):
        return "B"

def make(which):
    if which == 0:
        cls = A
    else:
        cls = B
    obj = instantiate(cls)
    obj.value = which * 10
    return obj

def entry_point(argv):
    for w in [0, 1]:
        o = make(w)
        print o.kind(), o.value
    normal = A()
    print normal.kind(), normal.value
    return 0

def target(driver, args):
    return entry_point, None
