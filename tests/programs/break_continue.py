# break and continue in nested for and while loops.

def entry_point(argv):
    found = []
    for i in range(2, 30):
        is_prime = True
        for d in range(2, i):
            if d * d > i:
                break
            if i % d == 0:
                is_prime = False
                break
        if not is_prime:
            continue
        found.append(i)
    print found
    skipped = 0
    total = 0
    for x in [1, -2, 3, -4, 5, 0, 7]:
        if x < 0:
            skipped += 1
            continue
        if x == 0:
            break
        total += x
    print "total", total, "skipped", skipped
    n = 0
    outer = 0
    while True:
        outer += 1
        inner = 0
        while True:
            inner += 1
            n += 1
            if inner >= outer:
                break
        if outer >= 5:
            break
    print "n", n
    return 0

def target(driver, args):
    return entry_point, None
