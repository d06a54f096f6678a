# Assorted integer operations: augmented assignment, precedence, negation,
# conversions to and from bool and str.

def digits(n):
    if n == 0:
        return [0]
    out = []
    n = abs(n)
    while n > 0:
        out.append(n % 10)
        n //= 10
    out.reverse()
    return out

def entry_point(argv):
    x = len(argv) + 9
    x += 5
    x -= 3
    x *= 4
    x //= 3
    x %= 7
    x <<= 3
    x >>= 1
    x |= 1
    x &= 0xfe
    x ^= 0x55
    print x
    print 2 + 3 * 4 - 5 // 2 % 3, (2 + 3) * (4 - 5), -2 * -3, - -4
    print digits(9075), digits(0), digits(-31)
    print str(123) + str(-45), int("12") + int(str(30))
    print bool(0), bool(-3), int(True), int(False)
    return 0

def target(driver, args):
    return entry_point, None
