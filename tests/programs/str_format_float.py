# The % operator with a constant format: %s %d %x %o %f and %%.

class Item(object):
    def __init__(self, name, qty, price):
        self.name = name
        self.qty = qty
        self.price = price

def entry_point(argv):
    items = [Item("apple", 3, 0.5), Item("pear", 10, 0.25), Item("melon", 1, 2.75)]
    total = 0.0
    for it in items:
        cost = it.qty * it.price
        total += cost
        print "%s x%d = %f" % (it.name, it.qty, cost)
    print "total: %f" % total
    n = 255 + len(argv) - 1
    print "%d in hex is %x and in octal %o" % (n, n, n)
    print "%d%%" % 50
    print "%s and %s" % ("this", "that")
    print "%s|%s|%s" % (1, -2, "three")
    print "[%s]" % ""
    print "%d %x %o" % (-42, -42, -42)
    return 0

def target(driver, args):
    return entry_point, None
