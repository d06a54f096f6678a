def add(a, b):
    return a + b

def entry_point(argv):
    return reduce(add, [1, 2, 3])

def target(driver, args):
    return entry_point, None
