# Shifts and bit operations.

def entry_point(argv):
    a = 0xF0F0
    b = 0x0FF0
    print a & b, a | b, a ^ b
    print ~a, ~0, ~-1
    print 1 << 10, 1024 >> 3, -1024 >> 3, -1 >> 10
    print 0777, 0x1F, 5 & 3 | 8 ^ 2
    x = 1
    i = 0
    while i < 40:
        x = x << 1
        i += 1
    print x, x >> 39
    return 0

def target(driver, args):
    return entry_point, None
