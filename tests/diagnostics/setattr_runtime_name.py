class A(object):
    def __init__(self):
        self.x = 1

def entry_point(argv):
    a = A()
    setattr(a, argv[0], 2)
    return a.x

def target(driver, args):
    return entry_point, None
