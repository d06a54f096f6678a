# Tuples of fixed length: creation, unpacking, indexing by constants,
# comparison, several return values, tuples in lists, enumerate.

def divmod2(a, b):
    return a // b, a % b


def minmax(lst):
    lo = lst[0]
    hi = lst[0]
    for x in lst:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return (lo, hi)


def swap(pair):
    a, b = pair
    return b, a


def entry_point(argv):
    q, r = divmod2(17, 5)
    print q, r
    t = minmax([4, -2, 9, 3])
    print t[0], t[1], t[-1], len(t)
    x, y = swap(("left", "right"))
    print x, y
    p = (1, "one", True)
    n, name, flag = p
    print n, name, flag, p[1]
    print (1, 2) == (1, 2), (1, 2) == (1, 3), (1, 2) != (2, 1), ("a", 1) == ("a", 1)
    pairs = [(1, "a"), (2, "b"), (3, "c")]
    pairs.append((4, "d"))
    total = 0
    for num, letter in pairs:
        total += num
        print letter,
    print total
    for i, w in enumerate(["x", "y", "z"]):
        print i, w
    for i, c in enumerate("hi"):
        print i, c
    a, b = 1, 2
    a, b = b, a
    print a, b
    nested = ((1, 2), (3, 4))
    print nested[1][0]
    return 0


def target(driver, args):
    return entry_point, None
