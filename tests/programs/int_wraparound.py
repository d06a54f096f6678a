# Machine-word ints wrap around; the program uses intmask so that CPython
# (which would make a long) computes the same value.

from rpython.rlib.rarithmetic import intmask, LONG_BIT

def lcg(seed, n):
    x = seed
    out = []
    for i in range(n):
        x = intmask(x * 6364136223846793005 + 1442695040888963407)
        out.append(x)
    return out

FNV_OFFSET = intmask(14695981039346656037)

def fnv1a(s):
    h = FNV_OFFSET
    for c in s:
        h = h ^ ord(c)
        h = intmask(h * 1099511628211)
    return h

def entry_point(argv):
    k = len(argv) - 1
    maxint = 9223372036854775807 - k
    print LONG_BIT
    print intmask(maxint + 1), intmask(maxint * 2), intmask(-maxint - 2)
    print lcg(42, 4)
    print fnv1a("hello"), fnv1a("")
    print intmask(1 << (63 + k)), intmask((1 << (62 + k)) * 4 + 5)
    return 0

def target(driver, args):
    return entry_point, None
