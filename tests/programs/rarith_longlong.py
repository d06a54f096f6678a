# r_longlong and r_ulonglong: 64-bit integers on every platform.

from rpython.rlib.rarithmetic import r_longlong, r_ulonglong, longlongmask

MASKED = longlongmask(2 ** 64 + 12345)   # computed at import time

def fact(n):
    r = r_longlong(1)
    for i in range(2, n + 1):
        r = r * i
    return r

def entry_point(argv):
    k = len(argv) - 1
    print str(fact(20))
    a = r_longlong(1) << (40 + k)
    print str(a), str(a * 1000), str(-a // 3), str(-a % 7)
    u = r_ulonglong(1) << 63
    print str(u), str(u * r_ulonglong(2)), str(u - r_ulonglong(1))
    print str(MASKED)
    print r_longlong(5) < r_longlong(6), str(r_longlong(-1))
    return 0

def target(driver, args):
    return entry_point, None
