# Factorials and Fibonacci numbers with rbigint.

from rpython.rlib.rbigint import rbigint

def factorial(n):
    r = rbigint.fromint(1)
    for i in range(2, n + 1):
        r = r.mul(rbigint.fromint(i))
    return r

def fib(n):
    a = rbigint.fromint(0)
    b = rbigint.fromint(1)
    for i in range(n):
        a, b = b, a.add(b)
    return a

def digit_sum(x):
    s = x.str()
    total = 0
    for c in s:
        total += ord(c) - ord('0')
    return total

def entry_point(argv):
    n = 30 + len(argv) - 1
    f = factorial(n)
    print f.str()
    print len(factorial(100).str()), digit_sum(factorial(100))
    print fib(100).str()
    print fib(200).str()
    return 0

def target(driver, args):
    return entry_point, None
