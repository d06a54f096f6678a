# dict.clear, dict.copy and dict.update.

def entry_point(argv):
    a = {1: 10, 2: 20}
    b = a.copy()
    b[3] = 30
    print len(a), len(b), 3 in a, 3 in b
    c = {2: 200, 4: 400}
    a.update(c)
    print len(a), a[2], a[4], a[1]
    a.clear()
    print len(a), 1 in a
    a[7] = 70
    print len(a), a[7]
    empty = {}
    empty.update(b)
    print len(empty), empty[3]
    return 0

def target(driver, args):
    return entry_point, None
