def use(o):
    return 0

class A(object):
    pass

def entry_point(argv):
    x = A()
    if len(argv) > 1:
        x = 3
    return use(x)

def target(driver, args):
    return entry_point, None
