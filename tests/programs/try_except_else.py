# try/except/else: the else clause runs only when nothing was raised.

def parse(s):
    try:
        n = int(s)
    except ValueError:
        print repr_str(s), "is not a number"
        return -1
    else:
        print s, "parsed as", n
        return n

def repr_str(s):
    return "'" + s + "'"

def lookup(d, key):
    try:
        v = d[key]
    except KeyError:
        v = 0
        print "missing", key
    else:
        print "found", key
    return v

def entry_point(argv):
    total = 0
    for s in ["12", "x7", "-3", "", "40"]:
        r = parse(s)
        if r >= 0:
            total += r
    print "total", total
    d = {"a": 1, "b": 2}
    print lookup(d, "a") + lookup(d, "z") + lookup(d, "b")
    return 0

def target(driver, args):
    return entry_point, None
