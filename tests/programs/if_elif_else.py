# if / elif / else with several conditions, nesting and truth of values.

def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        if n % 2 == 0:
            return "medium even"
        else:
            return "medium odd"
    else:
        return "large"

def truthy(s, lst, n):
    out = ""
    if s:
        out += "s"
    if lst:
        out += "l"
    if n:
        out += "n"
    if not out:
        out = "-"
    return out

def entry_point(argv):
    for n in [-5, 0, 7, 42, 43, 1000]:
        print n, classify(n)
    print truthy("", [], 0)
    print truthy("x", [1], 3)
    print truthy("", [2, 3], 0)
    x = 5
    y = 7 if x > 3 else 9
    z = "yes" if x > 10 else "no"
    print y, z
    return 0

def target(driver, args):
    return entry_point, None
