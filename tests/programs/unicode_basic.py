# unicode strings: literals, len, indexing, slicing, concatenation,
# comparison and "in"; printed after encoding to utf-8.

def out(u):
    print u.encode("utf-8")

def entry_point(argv):
    u = u"h\xe9llo w\xf6rld" + argv[0].decode("ascii")[:0]
    out(u)
    print len(u), len(u.encode("utf-8"))
    out(u[1:5])
    out(u[-1] + u[0])
    out(u + u" \u2603")
    out(u * 2)
    print u == u"h\xe9llo w\xf6rld", u != u"x", u"abc" < u"abd"
    print u"\xe9" in u, u"z" in u, u"llo" in u
    count = 0
    for ch in u:
        if ord(ch) > 127:
            count += 1
    print "non-ascii", count
    return 0

def target(driver, args):
    return entry_point, None
