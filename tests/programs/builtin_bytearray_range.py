# bytearray items are bytes: storing a value outside range(256) raises ValueError.

def entry_point(argv):
    b = bytearray(3)
    try:
        b[0] = 300
    except ValueError:
        print "ValueError"
    b[1] = 65
    print str(b) == "\x00A\x00", len(b)
    return 0
def target(d, a):
    return entry_point, None
