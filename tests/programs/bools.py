# Booleans and the and / or / not operators.

def truth(n):
    return n > 0

def entry_point(argv):
    t = truth(1)
    f = truth(-1)
    print t, f
    print t and f, t or f, not t, not f
    print 3 and 4, 0 and 4, 0 or 7, 5 or 0
    if t and not f:
        print "t and not f"
    if f or t:
        print "f or t"
    x = 10
    if x > 5 and x < 20 or x == 0:
        print "in range"
    if not (x == 10):
        print "wrong"
    print x == 10, x != 10
    return 0

def target(driver, args):
    return entry_point, None
