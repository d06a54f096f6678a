# Default argument values.

def greet(name, greeting="hello", times=1):
    i = 0
    while i < times:
        print greeting, name
        i += 1

def add(a, b=10):
    return a + b

def entry_point(argv):
    greet("world")
    greet("moon", "goodnight")
    greet("sun", "hi", 2)
    print add(1), add(1, 2)
    return 0

def target(driver, args):
    return entry_point, None
