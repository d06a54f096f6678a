# specialize.arg(n) and specialize.argtype(n): one copy of a function for
# each constant value or type of an argument.

from rpython.rlib.objectmodel import specialize

@specialize.arg(0)
def apply_op(op, a, b):
    if op == "add":
        return a + b
    elif op == "mul":
        return a * b
    return a - b

@specialize.argtype(0)
def describe(x):
    if isinstance(x, int):
        return "int " + str(x)
    elif isinstance(x, str):
        return "str " + x
    return "other"

@specialize.argtype(0)
def twice(x):
    return x + x

class Shape(object):
    def __init__(self, sides):
        self.sides = sides

@specialize.arg(1)
def make(sides, cls):
    return cls(sides)

def entry_point(argv):
    print apply_op("add", 3, 4), apply_op("mul", 3, 4), apply_op("sub", 3, 4)
    print describe(42), describe("hi")
    print twice(21), twice("ab"), "%f" % twice(1.25)
    s = make(5, Shape)
    print s.sides
    return 0

def target(driver, args):
    return entry_point, None
