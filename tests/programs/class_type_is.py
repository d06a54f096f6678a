# type(x) is C: exact class checks that ignore subclasses.

class Shape(object):
    def __init__(self, size):
        self.size = size

class Circle(Shape):
    pass

class Ring(Circle):
    pass

class Square(Shape):
    pass

def exact_name(s):
    if type(s) is Shape:
        return "Shape"
    elif type(s) is Circle:
        return "Circle"
    elif type(s) is Ring:
        return "Ring"
    elif type(s) is Square:
        return "Square"
    return "?"

def entry_point(argv):
    shapes = [Shape(1), Circle(2), Ring(3), Square(4)]
    for s in shapes:
        line = exact_name(s)
        if isinstance(s, Circle):
            line += " is a Circle"
        if type(s) is Circle:
            line += " exactly"
        print line
    print type(shapes[2]) is type(shapes[2]), type(shapes[1]) is type(shapes[2])
    return 0

def target(driver, args):
    return entry_point, None
