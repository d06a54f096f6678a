# A KeyError from a dict that nothing catches ends the program with
# status 1.

def entry_point(argv):
    d = {"a": 1, "b": 2}
    print d["a"]
    print "looking up a missing key"
    print d["c" + argv[0][:0]]
    print "not reached"
    return 0

def target(driver, args):
    return entry_point, None
