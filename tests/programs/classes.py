# Classes: __init__, methods, inheritance, attributes generalized to the
# base, class attributes as defaults, isinstance, type(x) is C, None-able
# instances, staticmethod, Parent.m(self) calls, method dispatch.

class Shape(object):
    sides = 0
    name = "shape"

    def __init__(self, size):
        self.size = size

    def area(self):
        return 0

    def describe(self):
        return self.name + " with " + str(self.sides) + " sides, area " + str(self.area())

    @staticmethod
    def unit():
        return 1


class Square(Shape):
    sides = 4
    name = "square"

    def area(self):
        return self.size * self.size


class Rect(Square):
    name = "rect"

    def __init__(self, w, h):
        Square.__init__(self, w)
        self.h = h

    def area(self):
        return self.size * self.h

    def describe(self):
        return "[" + Shape.describe(self) + "]"


class Triangle(Shape):
    sides = 3
    name = "triangle"

    def area(self):
        return self.size * self.size // 2


class Node(object):
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class Counter(object):
    count = 0

    def bump(self, by=1):
        self.count += by
        return self.count


DEFAULT = Square(7)
ORIGIN = Node(0)


def total(node):
    t = 0
    while node is not None:
        t += node.value
        node = node.next
    return t


def classify(s):
    if isinstance(s, Rect):
        return "rect"
    if isinstance(s, Square):
        return "square"
    if isinstance(s, (Triangle, Rect)):
        return "triangle"
    return "other"


def pick(n):
    if n == 0:
        return Square(3)
    elif n == 1:
        return Rect(2, 5)
    elif n == 2:
        return Triangle(4)
    elif n == 3:
        return DEFAULT
    return Shape(1)


def entry_point(argv):
    i = 0
    while i < 5:
        s = pick(i)
        print s.describe(), classify(s), type(s) is Square, s.unit()
        i += 1
    lst = Node(1, Node(2, Node(3)))
    print "total", total(lst), total(None), total(ORIGIN)
    c = Counter()
    c.bump()
    c.bump(5)
    print "count", c.bump(by=10)
    other = None
    if len(argv) > 100:
        other = c
    print other is None, other is not c, c is c, c == c, c != other
    print DEFAULT.size, DEFAULT.area(), Shape.unit()
    return 0


def target(driver, args):
    return entry_point, None
