class A(object):
    def __init__(self):
        self.x = 1

def entry_point(argv):
    a = A()
    del a.x
    return 0

def target(driver, args):
    return entry_point, None
