# dict.get with a default, dict.pop with and without a default.

def entry_point(argv):
    d = {"a": 1, "b": 2, "c": 3}
    print d.get("a", 0), d.get("z", 0), d.get("b", -1)
    print d.pop("a"), len(d), "a" in d
    print d.pop("z", 42), len(d)
    try:
        d.pop("z")
    except KeyError:
        print "KeyError on pop"
    names = {1: "one", 2: "two"}
    s = names.get(3, "")
    print "[" + s + "]", names.get(1, "?")
    maybe = names.get(5, None)
    print maybe is None
    return 0

def target(driver, args):
    return entry_point, None
