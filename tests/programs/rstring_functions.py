# The rstring helper functions split, rsplit, replace, find and startswith
# (usable on strings and unicode alike).

from rpython.rlib import rstring

def show(parts):
    return "[" + "|".join(parts) + "]"

def entry_point(argv):
    s = "a,b,,c" + argv[0][:0]
    print show(rstring.split(s, ","))
    print show(rstring.split(s, ",", 1))
    print show(rstring.split("  x  y ", None))
    print show(rstring.rsplit(s, ",", 1))
    print show(rstring.rsplit("a b  c", None, 1))
    print rstring.replace("aXbXc", "X", "--")
    print rstring.replace("aaaa", "a", "b", 2)
    print rstring.find("hello world", "o", 0, 11), rstring.find("hello world", "o", 5, 11), rstring.find("hello", "z", 0, 5)
    print rstring.startswith("prefix", "pre"), rstring.startswith("prefix", "fix")
    u = rstring.split(u"x\xe9y\xe9z", u"\xe9")
    print len(u), u[1].encode("utf-8")
    return 0

def target(driver, args):
    return entry_point, None
