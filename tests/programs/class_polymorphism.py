# Virtual method calls on a list of instances of different subclasses.

class Shape(object):
    def area(self):
        raise NotImplementedError

    def name(self):
        return "shape"

    def describe(self):
        return "%s with area %d" % (self.name(), self.area())

class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def name(self):
        return "rect"

class Square(Rect):
    def __init__(self, s):
        Rect.__init__(self, s, s)

    def name(self):
        return "square"

class Tri(Shape):
    def __init__(self, b, h):
        self.b = b
        self.h = h

    def area(self):
        return self.b * self.h // 2

    def name(self):
        return "triangle"

def total_area(shapes):
    t = 0
    for s in shapes:
        t += s.area()
    return t

def entry_point(argv):
    shapes = [Rect(2, 3), Square(4), Tri(6, 5), Square(1)]
    for s in shapes:
        print s.describe()
    print "total", total_area(shapes)
    biggest = shapes[0]
    for s in shapes:
        if s.area() > biggest.area():
            biggest = s
    print "biggest", biggest.name()
    return 0

def target(driver, args):
    return entry_point, None
