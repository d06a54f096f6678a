# // and % call the runtime unless the divisor is a safe constant; / on ints
# is floor division; shifts and bit operations map to single ops.

def entry_point(argv):
    a = len(argv) + 16
    b = -5
    print a // b, a % b, a / 3, a % 7, -a // -1
    print a << 3, a >> 1, a & b, a | b, a ^ b, ~a, -a, +a
    a += 1
    a *= 2
    print a, a > b, a <= b, 1 < a < 100
    return a - 34

def target(driver, args):
    return entry_point, None
