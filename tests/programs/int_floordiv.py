# Python floor semantics for // and % on negative ints; / on ints follows
# the Python 2 rules (floor division).

def show(a, b):
    print a, b, a // b, a % b, a / b

def entry_point(argv):
    base = len(argv) - 1
    for a in [7, -7, 0, 13, -13]:
        for b in [2, -2, 5, -5]:
            show(a + base, b + base)
    big = 9223372036854775807
    print big // 2, big % 1000, -big // 1000, -big % 1000
    x = -1
    print x // 3, x % 3, x // -3, x % -3
    # divmod-like identity
    ok = True
    for a in range(-20, 21):
        for b in [-7, -3, -1, 1, 3, 7]:
            if (a // b) * b + a % b != a:
                ok = False
    print "identity holds", ok
    return 0

def target(driver, args):
    return entry_point, None
