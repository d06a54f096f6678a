# Raising, catching by class range, re-raising, runtime exceptions.

class MyError(Exception):
    def __init__(self, code):
        self.code = code


def f(x):
    if x > 3:
        raise MyError(x)
    lst = [1, 2, 3]
    return lst[x]


def entry_point(argv):
    try:
        r = f(len(argv))
    except MyError, e:
        r = e.code
    except IndexError:
        r = -1
    return r


def target(driver, args):
    return entry_point, None
