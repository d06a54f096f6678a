class A(object):
    pass

def pick(n):
    if n > 1:
        return A()
    return "a string"

def entry_point(argv):
    x = pick(len(argv))
    return 0

def target(driver, args):
    return entry_point, None
