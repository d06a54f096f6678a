class A(object):
    def __init__(self):
        self.x = 1

def entry_point(argv):
    a = A()
    return a.y

def target(driver, args):
    return entry_point, None
