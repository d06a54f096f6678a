def f(a, b, c=1):
    return a + b + c

def entry_point(argv):
    return f(1)

def target(driver, args):
    return entry_point, None
