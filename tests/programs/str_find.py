# find, rfind and count, with optional non-negative start and end.

def find_all(s, sub):
    out = []
    i = s.find(sub)
    while i >= 0:
        out.append(i)
        i = s.find(sub, i + 1)
    return out

def entry_point(argv):
    s = "abracadabra" + argv[0][:0]
    print s.find("a"), s.find("bra"), s.find("z"), s.find("")
    print s.rfind("a"), s.rfind("bra"), s.rfind("z")
    print s.find("a", 1), s.find("a", 4, 6), s.find("a", 8, 9), s.rfind("a", 0, 5)
    print s.count("a"), s.count("bra"), s.count("z"), s.count("a", 5)
    print find_all(s, "a"), find_all(s, "abra"), find_all("aaaa", "aa")
    print "hello".find("l"), "hello".rfind("l"), "hello".count("l")
    return 0

def target(driver, args):
    return entry_point, None
