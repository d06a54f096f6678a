# Dicts: insertion order, int/str/instance keys, get/pop/setdefault,
# keys/values/items (and iter* forms), del, in, len, clear, copy, update,
# iteration, KeyError.

NAMES = {"one": 1, "two": 2, "three": 3}
CODES = {1: "a", 2: "b"}


class Key(object):
    def __init__(self, name):
        self.name = name


def entry_point(argv):
    d = {}
    d["b"] = 2
    d["a"] = 1
    d["c"] = 3
    d["b"] = 20
    print len(d), d["a"], d["b"], "a" in d, "z" in d, "z" not in d
    # (CPython orders keys by hash: print only order-independent facts.)
    n = 0
    for k in d:
        n += d[k]
    print n, len(d.keys()), len(d.values())
    for k, v in d.items():
        if k == "b":
            print k, v
    for k, v in d.iteritems():
        if v == 3:
            print k, v
    del d["a"]
    print d.get("a", -1), d.get("c", -1), d.setdefault("x", 9), d.setdefault("x", 10)
    print d.pop("x"), d.pop("nope", 0), len(d)
    try:
        print d["missing"]
    except KeyError:
        print "KeyError"
    try:
        del d["missing"]
    except KeyError:
        print "KeyError del"
    squares = {}
    for i in range(10):
        squares[i * i] = i
    print squares[49], squares.get(50, -1), len(squares)
    total = 0
    for k in squares.iterkeys():
        total += k
    for v in squares.itervalues():
        total += v
    print total
    e = squares.copy()
    e[1000] = 1
    print len(e), len(squares)
    squares.update(e)
    print len(squares)
    squares.clear()
    print len(squares), bool(squares), bool(e)
    lit = {1: "one", 2: "two"}
    print lit[2], lit.get(3, "none")
    k1 = Key("k1")
    k2 = Key("k2")
    byobj = {k1: 1}
    byobj[k2] = 2
    print byobj[k1], byobj[k2], k1 in byobj, Key("k1") in byobj
    many = {}
    for i in range(1000):
        many[str(i)] = i
    for i in range(0, 1000, 2):
        del many[str(i)]
    print len(many), many["999"], len(many.keys()[:3])
    print NAMES["two"], "four" in NAMES, len(NAMES), CODES[1], CODES.get(5, "?")
    NAMES["four"] = 4
    print NAMES["four"], len(NAMES)
    return 0


def target(driver, args):
    return entry_point, None
