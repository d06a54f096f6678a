# Comparing strings: ==, !=, <, <=, >, >= use byte order.

def cmp_str(a, b):
    if a < b:
        return -1
    if a > b:
        return 1
    return 0

def entry_point(argv):
    pairs = [("apple", "apples"), ("b", "a"), ("abc", "abc"), ("", "a"),
             ("Zebra", "apple"), ("a", "B"), ("abd", "abc")]
    for a, b in pairs:
        print a, b, cmp_str(a, b), a == b, a != b, a <= b, a >= b
    x = "ab" + argv[0][:0]
    y = "a" + "b"
    print x == y, x is not None
    words = ["pear", "apple", "fig", "banana", "cherry"]
    best = words[0]
    for w in words:
        if w < best:
            best = w
    print "smallest", best
    return 0

def target(driver, args):
    return entry_point, None
