class A(object):
    def __init__(self):
        self.v = 1

def entry_point(argv):
    a = A()
    a.v = "str"
    return 0

def target(driver, args):
    return entry_point, None
