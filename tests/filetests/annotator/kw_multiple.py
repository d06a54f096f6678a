def f(a, b=1):
    return a + b

def entry_point(argv):
    return f(1, a=2)

def target(driver, args):
    return entry_point, None
