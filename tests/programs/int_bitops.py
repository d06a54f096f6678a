# Shifts and bit operations on ints, including negative numbers.

def popcount(n):
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count

def bit_reverse8(n):
    r = 0
    for i in range(8):
        if n & (1 << i):
            r |= 1 << (7 - i)
    return r

def entry_point(argv):
    a = 0b1011 + len(argv) - 1
    b = 0b0110
    print a & b, a | b, a ^ b, ~a, a << 4, a >> 1
    print -16 >> 2, -1 >> 63, -17 >> 1, -17 & 0xff, -1 ^ 5
    print 1 << 62, (1 << 62) >> 61
    for n in [0, 1, 255, 1023, 12345]:
        print n, popcount(n), bit_reverse8(n & 0xff)
    mask = 0
    for i in range(0, 16, 2):
        mask |= 1 << i
    print mask, hex(mask)
    x = 0x12345678
    print (x >> 16) & 0xffff, x & 0xffff, (x << 8) & 0xffffffff
    return 0

def target(driver, args):
    return entry_point, None
