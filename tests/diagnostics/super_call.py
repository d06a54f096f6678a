class A(object):
    def f(self):
        return 1

class B(A):
    def f(self):
        return super(B, self).f() + 1

def entry_point(argv):
    return B().f()

def target(driver, args):
    return entry_point, None
