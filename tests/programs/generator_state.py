# Generators keep their local state between yields; several generators can
# be alive at the same time, and a loop can stop consuming one early.

def counter(start, step):
    n = start
    while True:
        yield n
        n += step

def take(n, start, step):
    out = []
    for x in counter(start, step):
        if len(out) >= n:
            break
        out.append(x)
    return out

def pairs(lst):
    prev = lst[0]
    for x in lst[1:]:
        yield prev * 100 + x
        prev = x

def entry_point(argv):
    print take(5, 0, 3)
    print take(3, 10, -1)
    print take(0, 1, 1)
    result = []
    for p in pairs([1, 2, 3, 4]):
        result.append(p)
    print result
    total = 0
    for a in counter(1, 1):
        if a > 4:
            break
        for b in counter(a, a):
            if b > 12:
                break
            total += b
    print "nested", total
    return 0

def target(driver, args):
    return entry_point, None
