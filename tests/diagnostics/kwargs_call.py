def f(a, b):
    return a + b

def entry_point(argv):
    opts = {"a": 1}
    return f(**opts)

def target(driver, args):
    return entry_point, None
