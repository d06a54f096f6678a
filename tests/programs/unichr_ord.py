# unichr() and ord() on unicode characters, building unicode from code
# points.

def entry_point(argv):
    codes = [65, 233, 960, 8364, 0x2603, 0x1f600]
    u = u""
    for c in codes:
        u += unichr(c)
    print len(u)
    line = ""
    for ch in u:
        line += str(ord(ch)) + " "
    print line
    print u.encode("utf-8") == "A\xc3\xa9\xcf\x80\xe2\x82\xac\xe2\x98\x83\xf0\x9f\x98\x80"
    print ord(u"\u03c0"), unichr(97 + len(argv)).encode("ascii")
    greek = u""
    for i in range(945, 950):
        greek += unichr(i)
    print greek.encode("utf-8")
    return 0

def target(driver, args):
    return entry_point, None
