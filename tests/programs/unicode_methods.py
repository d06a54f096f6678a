# Methods of unicode strings: find, rfind, count, startswith, endswith,
# strip with an argument, split, rsplit, join, replace.

def out(u):
    print u.encode("utf-8")

def entry_point(argv):
    u = u"\xe0b\xe7,d\xe9f,\xe0b\xe7" + argv[0].decode("ascii")[:0]
    print u.find(u"\xe7"), u.rfind(u"\xe0"), u.count(u"\xe0b"), u.find(u"zz")
    print u.startswith(u"\xe0b"), u.endswith(u"f"), u.endswith(u"\xe7")
    parts = u.split(u",")
    print len(parts)
    out(u"|".join(parts))
    out(u"+".join(u.rsplit(u",", 1)))
    out(u.replace(u"\xe0", u"A"))
    out(u"xx\u20acxx".strip(u"x"))
    out(u"  pad  ".strip(u" ") + u"!")
    out(u"%s and %s" % (u"\xfcber", u"caf\xe9"))
    return 0

def target(driver, args):
    return entry_point, None
