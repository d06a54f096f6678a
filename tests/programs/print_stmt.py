# The print statement: several items, trailing comma (soft space), empty
# print, ints, strings and instances' attributes.

class P(object):
    def __init__(self, n):
        self.n = n

def entry_point(argv):
    print "one", 2, "three", -4
    for i in range(3):
        print i,
    print
    print "line with trailing newline\n",
    print "after"
    p = P(5)
    print "p.n =", p.n
    print "a" + "b", len("abc"), str(9) * 2
    print "%d items" % 3, "and more"
    print
    print "tab\tseparated"
    print "-" * 20
    return 0

def target(driver, args):
    return entry_point, None
