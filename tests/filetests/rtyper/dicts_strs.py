# Dicts, str methods and % formatting.

def entry_point(argv):
    d = {"a": 1}
    d["b"] = 2
    n = d.get("c", 0) + len(d)
    for k in d:
        n += d[k]
    words = "x y".split()
    s = "%s:%d" % ("-".join(words), n)
    if "x" in s and s.startswith("x"):
        return len(s.upper())
    return 0

def target(driver, args):
    return entry_point, None
