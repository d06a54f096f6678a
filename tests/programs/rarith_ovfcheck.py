# ovfcheck(x op y) raises OverflowError when the result does not fit in a
# machine word.

from rpython.rlib.rarithmetic import ovfcheck

def safe_add(a, b):
    try:
        return ovfcheck(a + b)
    except OverflowError:
        return -1

def safe_mul(a, b):
    try:
        return ovfcheck(a * b)
    except OverflowError:
        return -1

def safe_sub(a, b):
    try:
        return ovfcheck(a - b)
    except OverflowError:
        return -1

def factorial_checked(n):
    r = 1
    for i in range(2, n + 1):
        try:
            r = ovfcheck(r * i)
        except OverflowError:
            return -i
    return r

def entry_point(argv):
    maxint = 9223372036854775807 - (len(argv) - 1)
    print safe_add(1, 2), safe_add(maxint, 1), safe_add(maxint, -1)
    print safe_mul(3, 4), safe_mul(maxint, 2), safe_mul(-maxint - 1, -1)
    print safe_sub(-maxint, 1), safe_sub(-maxint, 2)
    print factorial_checked(20), factorial_checked(25)
    return 0

def target(driver, args):
    return entry_point, None
