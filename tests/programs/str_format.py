# String formatting with % and a constant format: %s %d %i %x %X %o %r %%,
# widths, left alignment and zero padding.

def entry_point(argv):
    name = "world"
    n = 42
    print "hello %s" % name
    print "%d items, %s" % (n, "ok")
    print "%5d|%-5d|%05d|%x|%X|%o|%%" % (n, n, -n, 255, 255, 8)
    print "[%10s][%-10s]" % ("right", "left")
    print "%s and %s" % (True, None)
    print "%r %r" % ("quote's", "x")
    print "%s" % [1, 2]
    print "%d%%" % 50
    print "%s-%s" % ("a", 'b'), "%i" % -7, "%x" % -255
    lst = ["p", "q"]
    print "%s/%s" % (lst[0], lst[1])
    return 0


def target(driver, args):
    return entry_point, None
