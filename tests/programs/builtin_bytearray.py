# bytearray: made from a string, indexed, modified, converted back.

def entry_point(argv):
    b = bytearray("hello" + argv[0][:0])
    print len(b), b[0], b[4]
    b[0] = ord("j")
    print str(b)
    for i in range(len(b)):
        b[i] = b[i] ^ 0x20
    print str(b)
    total = 0
    for i in range(len(b)):
        total += b[i]
    print total
    return 0

def target(driver, args):
    return entry_point, None
