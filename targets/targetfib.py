# An example target: prints the Fibonacci numbers up to N (default 30),
# computed by naive recursion.
#
#   translate targets/targetfib.py && ./targetfib-c 30

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def entry_point(argv):
    n = 30
    if len(argv) > 1:
        n = int(argv[1])
    i = 0
    while i <= n:
        print "fib(" + str(i) + ") =", fib(i)
        i += 1
    return 0

def target(driver, args):
    return entry_point, None
