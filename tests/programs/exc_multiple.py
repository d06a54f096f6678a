# except (A, B) catching one of several exception classes.

class A(Exception):
    pass

class B(Exception):
    pass

class C(Exception):
    pass

def raiser(n):
    if n == 0:
        raise A
    elif n == 1:
        raise B
    elif n == 2:
        raise C
    elif n == 3:
        raise KeyError
    return n

def entry_point(argv):
    for n in range(5):
        try:
            raiser(n)
            print n, "no exception"
        except (A, B):
            print n, "A or B"
        except (C, KeyError, IndexError):
            print n, "C, KeyError or IndexError"
    lst = [1]
    try:
        lst[len(argv) + 1]
    except (KeyError, IndexError):
        print "lookup error"
    d = {1: 1}
    try:
        d[len(argv) + 5]
    except LookupError:
        print "KeyError is a LookupError"
    return 0

def target(driver, args):
    return entry_point, None
