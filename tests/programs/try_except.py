# try/except catching user and built-in exceptions.

class MyError(Exception):
    pass

def risky(n):
    if n == 1:
        raise MyError
    if n == 2:
        raise ValueError
    if n == 4:
        d = {1: 2}
        return d[n]
    return n * 10

def attempt(n):
    lst = [1, 2]
    try:
        if n == 3:
            result = lst[n]
        elif n == 5:
            result = n // (n - 5)
        else:
            result = risky(n)
        print n, "->", result
    except MyError:
        print n, "MyError"
    except ValueError:
        print n, "ValueError"
    except IndexError:
        print n, "IndexError"
    except KeyError:
        print n, "KeyError"
    except ZeroDivisionError:
        print n, "ZeroDivisionError"

def entry_point(argv):
    for n in range(7):
        attempt(n)
    try:
        int(argv[0] + " is not a number")
    except ValueError:
        print "int() raised ValueError"
    return 0

def target(driver, args):
    return entry_point, None
