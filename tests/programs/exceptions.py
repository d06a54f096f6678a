# try/except/else/finally, user exception classes with attributes, except E, e:,
# re-raise, exceptions crossing calls, built-in exceptions raised by the runtime.

class MyError(Exception):
    def __init__(self, code):
        self.code = code

class SubError(MyError):
    pass

def f(x):
    if x == 1:
        raise MyError(10)
    if x == 2:
        raise SubError(20)
    if x == 3:
        raise ValueError("bad")
    if x == 4:
        lst = [1, 2]
        return lst[x]
    if x == 5:
        return x // (x - 5)
    return x

def g(x):
    try:
        r = f(x)
    except SubError, e:
        return -e.code - 1000
    except MyError, e:
        return -e.code
    except (ValueError, IndexError):
        return -1
    except ZeroDivisionError:
        return -5
    else:
        r += 100
    finally:
        print "finally", x
    return r

def h(x):
    try:
        return f(x)
    except MyError:
        print "reraise"
        raise

def entry_point(argv):
    i = 0
    while i < 7:
        print g(i)
        i += 1
    print h(0)
    try:
        h(1)
    except Exception, e:
        print "caught", isinstance(e, MyError)
    if len(argv) > 1:
        f(int(argv[1]))
    return 0

def target(driver, args):
    return entry_point, None
