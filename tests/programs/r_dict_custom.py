# r_dict: dicts with custom equality and hash functions.

from rpython.rlib.objectmodel import r_dict

def eq_nocase(a, b):
    return a.lower() == b.lower()

def hash_nocase(s):
    h = 0
    for c in s.lower():
        h = (h * 31 + ord(c)) & 0xffffff
    return h

class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

def eq_point(p, q):
    return p.x == q.x and p.y == q.y

def hash_point(p):
    return p.x * 1000 + p.y

def entry_point(argv):
    d = r_dict(eq_nocase, hash_nocase)
    d["Hello"] = 1
    d["WORLD"] = 2
    print d["hello"], d["world"], "HELLO" in d, "other" in d
    d["HeLLo"] = 3
    print len(d), d["hello"]
    print d.get("nothing", -1)
    del d["world"]
    print len(d)
    pts = r_dict(eq_point, hash_point)
    pts[Point(1, 2)] = "a"
    pts[Point(3, 4)] = "b"
    print pts[Point(1, 2)], Point(3, 4) in pts, Point(4, 3) in pts
    return 0

def target(driver, args):
    return entry_point, None
