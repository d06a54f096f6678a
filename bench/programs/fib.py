# Benchmark: recursive fib(N), N from the command line (default 30).

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def entry_point(argv):
    n = 30
    if len(argv) > 1:
        n = int(argv[1])
    print fib(n)
    return 0

def target(driver, args):
    return entry_point, None
