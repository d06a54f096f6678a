# Euclid's algorithm, recursive and iterative.

def gcd_rec(a, b):
    if b == 0:
        return a
    return gcd_rec(b, a % b)

def gcd_loop(a, b):
    while b:
        t = a % b
        a = b
        b = t
    return a

def entry_point(argv):
    print gcd_rec(1071, 462), gcd_loop(1071, 462)
    print gcd_rec(17, 5), gcd_loop(270, 192)
    print gcd_rec(0, 9), gcd_loop(9, 0)
    return 0

def target(driver, args):
    return entry_point, None
