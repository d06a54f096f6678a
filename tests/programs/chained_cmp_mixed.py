# Chained comparisons on strings, floats and in loops.

def in_range(lo, x, hi):
    return lo <= x < hi

def entry_point(argv):
    print "a" < "b" < "c", "a" < "c" < "b"
    print 1.5 < 2.5 <= 2.5, 0.0 > -1.0 > -0.5
    count = 0
    for i in range(-5, 15):
        if in_range(0, i, 10):
            count += 1
    print "in range", count
    x = 5
    print 1 < x != 6 == 6 > 2
    print x == 5 == 5.0
    s = "m"
    print "a" <= s <= "z", "A" <= s <= "Z"
    return 0

def target(driver, args):
    return entry_point, None
