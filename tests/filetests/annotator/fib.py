# Recursion, comparisons, int arithmetic; the entry returns an int.

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def entry_point(argv):
    print fib(10)
    return 0

def target(driver, args):
    return entry_point, None
