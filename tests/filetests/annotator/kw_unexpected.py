def f(a, b=1):
    return a + b

def entry_point(argv):
    return f(1, c=2)

def target(driver, args):
    return entry_point, None
