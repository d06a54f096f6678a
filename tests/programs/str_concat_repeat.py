# String concatenation with + and += and repetition with *.

def row(width, ch):
    return "+" + ch * width + "+"

def entry_point(argv):
    n = len(argv) + 4
    print row(n, "-")
    print "|" + " " * n + "|"
    print row(n, "=")
    s = ""
    for i in range(5):
        s += str(i)
    print s, s * 2, 3 * "ab", "x" * 0 + "end"
    neg = "abc" * (n - 10)
    print len(neg), "[" + neg + "]"
    t = "a"
    for i in range(4):
        t = t + t
    print t, len(t)
    return 0

def target(driver, args):
    return entry_point, None
