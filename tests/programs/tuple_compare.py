# Comparing tuples with == and != (element by element), and an explicit
# lexicographic order.

def tuple_lt(a, b):
    if a[0] != b[0]:
        return a[0] < b[0]
    return a[1] < b[1]

def entry_point(argv):
    k = len(argv) - 1
    a = (1, 2 + k)
    b = (1, 3)
    c = (1, 2)
    print a == c, a != b, a == b, b != c
    s1 = ("x", 1 + k)
    s2 = ("x", 1)
    print s1 == s2, s1 != ("y", 1)
    versions = [(1, 4), (2, 0), (1, 10), (0, 9)]
    best = versions[0]
    for v in versions:
        if tuple_lt(best, v):
            best = v
    print best[0], best[1]
    print (1, 10) in versions, (3, 3) in versions
    return 0

def target(driver, args):
    return entry_point, None
