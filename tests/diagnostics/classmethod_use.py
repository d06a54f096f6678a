class A(object):
    @classmethod
    def make(cls):
        return cls()

def entry_point(argv):
    a = A.make()
    return 0

def target(driver, args):
    return entry_point, None
