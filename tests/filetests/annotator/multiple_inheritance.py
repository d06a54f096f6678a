class A(object):
    pass

class B(object):
    pass

class C(A, B):
    pass

def entry_point(argv):
    C()
    return 0

def target(driver, args):
    return entry_point, None
