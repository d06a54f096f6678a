# %r in format strings: the repr of strings and ints.

def entry_point(argv):
    s = "it's" + argv[0][:0]
    print "%r" % ("hello",)
    print "%r %r" % (s, 42)
    print "%r" % ("tab\there\n",)
    print "name=%r" % ("",)
    return 0

def target(driver, args):
    return entry_point, None
