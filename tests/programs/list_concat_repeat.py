# + and * on lists, and += (which extends in place).

def entry_point(argv):
    a = [1, 2]
    b = [3, 4, 5]
    c = a + b
    print c, a, b
    print a * 3, [0] * 4, b * 0
    alias = a
    a += [9]
    print a, alias, alias is a
    d = a + []
    d.append(100)
    print a, d
    words = ["xx"] * 3 + ["yy"]
    print " ".join(words)
    n = len(argv) + 2
    zeros = [0] * n
    zeros[1] = 5
    print zeros
    return 0

def target(driver, args):
    return entry_point, None
