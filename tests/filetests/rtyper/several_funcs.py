def a():
    return 1

def b():
    return 2

def entry_point(argv):
    if len(argv) > 1:
        f = a
    else:
        f = b
    return f()

def target(driver, args):
    return entry_point, None
