# Tuples of fixed length: packing, unpacking, swapping, returning several
# values.

def divmod_pos(a, b):
    return a // b, a % b

def min_max(lst):
    lo = lst[0]
    hi = lst[0]
    for x in lst:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return (lo, hi)

def entry_point(argv):
    q, r = divmod_pos(17, 5)
    print q, r
    a = 1
    b = 2
    a, b = b, a
    print a, b
    lo, hi = min_max([5, 3, 9, -2, 7])
    print lo, hi
    t = (1, "two", 3)
    x, y, z = t
    print x, y, z, len(t), t[1]
    pairs = [(1, "a"), (2, "b"), (3, "c")]
    for num, letter in pairs:
        print num, letter
    (p, (s1, s2)) = (1, (2, 3))
    print p + s1 + s2
    return 0

def target(driver, args):
    return entry_point, None
