# del d[k], "in" and "not in" on dicts, re-adding deleted keys.

def entry_point(argv):
    d = {"a": 1, "b": 2, "c": 3}
    del d["b"]
    print len(d), "b" in d, "b" not in d, "a" in d
    try:
        del d["b"]
    except KeyError:
        print "KeyError on del"
    d["b"] = 20
    print len(d), d["b"]
    for k in ["a", "c"]:
        del d[k]
    print len(d), d.keys()[0]
    ints = {}
    for i in range(100):
        ints[i] = i
    for i in range(0, 100, 2):
        del ints[i]
    s = 0
    for k in ints:
        s += k
    print len(ints), s
    return 0

def target(driver, args):
    return entry_point, None
