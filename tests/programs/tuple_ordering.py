# Tuples order lexicographically: the first unequal items decide.

def entry_point(argv):
    k = len(argv) - 1
    pairs = [(1 + k, 2), (1, 3), (0, 9), (1, 2)]
    for a in pairs:
        line = ""
        for b in pairs:
            line += "%d%d%d%d " % (a < b, a <= b, a > b, a >= b)
        print line
    print ("b", 1) > ("a", 9), ("a", 1) < ("a", 1), (2.5, "x") <= (2.5, "x")
    best = (0, "")
    for w in ["pear", "fig", "apple", "kiwi"]:
        cand = (len(w), w)
        if cand > best:
            best = cand
    print best[0], best[1]
    return 0

def target(driver, args):
    return entry_point, None
