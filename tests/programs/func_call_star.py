# f(*tuple) calls: a tuple spread into positional arguments.

def add3(a, b, c):
    return a + b + c

def describe(name, age):
    return name + " is " + str(age)

def varargs(*args):
    return len(args) * 100 + args[0]

def make_args(n):
    return (n, n * 2, n * 3)

def entry_point(argv):
    t = (1, 2, 3)
    print add3(*t)
    print add3(*make_args(5))
    person = ("ann", 31)
    print describe(*person)
    print varargs(*t)
    print varargs(*(10, 20))
    print add3(100, *(1, 2))
    return 0

def target(driver, args):
    return entry_point, None
