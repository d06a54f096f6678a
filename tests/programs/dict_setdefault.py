# dict.setdefault: insert a default when the key is missing.

def entry_point(argv):
    d = {}
    print d.setdefault("a", 1), d.setdefault("a", 2), len(d)
    groups = {}
    for w in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
        lst = groups.setdefault(w[0], [])
        lst.append(w)
    for k in ["a", "b", "c"]:
        print k, " ".join(groups[k])
    counter = {}
    for c in "abracadabra":
        counter[c] = counter.setdefault(c, 0) + 1
    print counter["a"], counter["b"], counter["r"], counter["c"], counter["d"]
    return 0

def target(driver, args):
    return entry_point, None
