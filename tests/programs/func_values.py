# Functions are values: stored in variables, lists and dicts, passed as
# arguments and returned.

def double(x):
    return x * 2

def square(x):
    return x * x

def negate(x):
    return -x

def apply_twice(f, x):
    return f(f(x))

def compose_all(funcs, x):
    for f in funcs:
        x = f(x)
    return x

def choose(name):
    if name == "double":
        return double
    elif name == "square":
        return square
    return negate

OPS = {"d": double, "s": square, "n": negate}

def entry_point(argv):
    f = double
    print f(21)
    print apply_twice(square, 3), apply_twice(double, 3)
    print compose_all([double, square, negate], 3)
    for name in ["double", "square", "other"]:
        g = choose(name)
        print name, g(7)
    program = "dsn"
    x = 2
    for c in program:
        x = OPS[c](x)
    print "program result", x
    return 0

def target(driver, args):
    return entry_point, None
