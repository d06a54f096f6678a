# hex() and oct() of ints, and the %x and %o formats.

def entry_point(argv):
    n = len(argv) - 1
    for x in [0, 1, 8, 15, 16, 255, 4096, -1, -255, 9223372036854775807]:
        print x, hex(x + n), oct(x + n), "%x" % (x + n), "%o" % (x + n)
    print hex(-9223372036854775807 - 1)
    return 0

def target(driver, args):
    return entry_point, None
