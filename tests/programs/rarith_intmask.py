# intmask truncates to a machine word, with two's complement wrap-around.

from rpython.rlib.rarithmetic import intmask, r_uint

DEADBEEF = intmask(0xdeadbeefcafebabe)

def hash_string(s):
    h = 0
    for c in s:
        h = intmask(h * 1000003) ^ ord(c)
    return intmask(h ^ len(s))

def entry_point(argv):
    k = len(argv) - 1
    big = 9223372036854775807 - k
    print intmask(big + 1) == -big - 1
    print intmask(big * 3)
    print intmask(r_uint(-1)), intmask(r_uint(1) << 63)
    print DEADBEEF + k
    print hash_string("abc"), hash_string("hello world"), hash_string("")
    x = 1
    for i in range(70):
        x = intmask(x * 3)
    print x
    return 0

def target(driver, args):
    return entry_point, None
