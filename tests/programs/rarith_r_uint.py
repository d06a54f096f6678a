# r_uint: unsigned machine words. Arithmetic wraps modulo 2**64, comparisons
# are unsigned and >> shifts in zeros.

from rpython.rlib.rarithmetic import r_uint, intmask

def entry_point(argv):
    k = len(argv) - 1
    a = r_uint(5 + k)
    b = r_uint(7)
    print str(a - b)
    print str(a + b), str(a * b), str(b // a), str(b % a)
    m = r_uint(-1)
    print str(m), str(m >> 60), str(m + r_uint(1))
    print a - b > a, r_uint(0) < m
    x = r_uint(0x8000000000000000)
    print str(x), str(x >> 63), str(x << 1)
    h = r_uint(2166136261)
    for c in "rpython":
        h = (h ^ r_uint(ord(c))) * r_uint(16777619)
    print str(h), intmask(h)
    print str(r_uint(10) & r_uint(6)), str(r_uint(10) | r_uint(6)), str(r_uint(10) ^ r_uint(6)), str(~r_uint(0))
    return 0

def target(driver, args):
    return entry_point, None
