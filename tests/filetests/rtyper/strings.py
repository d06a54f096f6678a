# str constants are prebuilt; concatenation, str(), comparisons, len().

def describe(n):
    return "n=" + str(n) + ";"

def entry_point(argv):
    s = "abc"
    t = s + "def"
    print t, len(t), describe(-12)
    print t == "abcdef", t != s, s < t, s >= t
    print str(len(argv) > 1), str(s)
    if argv[0] == "prog":
        print "named prog"
    return 0

def target(driver, args):
    return entry_point, None
