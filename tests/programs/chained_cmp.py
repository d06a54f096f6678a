# Chained comparisons evaluate the middle operand once and short-circuit.

def calls(n):
    print "evaluating", n
    return n

def entry_point(argv):
    a = 1
    b = 5
    c = 10
    if a < b < c:
        print "a < b < c"
    if a < c < b:
        print "wrong"
    else:
        print "not a < c < b"
    if 0 <= b <= 5 == b:
        print "triple chain"
    if calls(3) < calls(2) < calls(1):
        print "wrong again"
    print 1 < 2 <= 2 != 3 > 0 >= 0
    return 0

def target(driver, args):
    return entry_point, None
