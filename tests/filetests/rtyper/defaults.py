# Default and keyword arguments are matched at the call site.

def box(width, height=2, depth=3):
    return width * 100 + height * 10 + depth

def greet(name, greeting="hello"):
    print greeting, name

def entry_point(argv):
    print box(1), box(1, depth=5), box(width=4, height=6)
    greet("world")
    greet("moon", "goodnight")
    return 0

def target(driver, args):
    return entry_point, None
