# Insertion order of dicts, on keys whose order is the same in RPython's
# insertion-ordered dicts and in CPython 2.7 (small ints inserted in
# increasing order).

def entry_point(argv):
    d = {}
    for k in [1, 2, 3, 5, 8, 13]:
        d[k] = k * 100
    line = ""
    for k in d:
        line += str(k) + " "
    print line
    print d.keys()
    print d.values()
    for k, v in d.items():
        print k, v
    return 0

def target(driver, args):
    return entry_point, None
