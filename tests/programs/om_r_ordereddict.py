# r_ordereddict: a dict with custom eq/hash that keeps insertion order.

from rpython.rlib.objectmodel import r_ordereddict

def eq_lower(a, b):
    return a.lower() == b.lower()

def hash_lower(s):
    h = 5381
    for c in s.lower():
        h = (h * 33 + ord(c)) & 0xffffff
    return h

def entry_point(argv):
    d = r_ordereddict(eq_lower, hash_lower)
    for w in ["Zebra", "apple", "Mango", "APPLE", "kiwi", "zebra"]:
        d[w] = d.get(w, 0) + 1
    line = ""
    for k in d.keys():
        line += "%s=%d " % (k, d[k])
    print line
    del d["MANGO"]
    for k, v in d.items():
        print k, v
    return 0

def target(driver, args):
    return entry_point, None
