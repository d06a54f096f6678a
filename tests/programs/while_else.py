# while loops with else clauses, break and continue.

def search(items, wanted):
    i = 0
    while i < len(items):
        if items[i] == wanted:
            print "found", wanted, "at", i
            break
        i += 1
    else:
        print wanted, "not found"
    return i

def entry_point(argv):
    items = [4, 8, 15, 16, 23, 42]
    search(items, 15)
    search(items, 99)
    # continue skips the rest of the body but not the else clause
    n = 0
    total = 0
    while n < 10:
        n += 1
        if n % 3 == 0:
            continue
        total += n
    else:
        print "loop completed, total", total
    # a loop that never runs still runs its else
    while False:
        print "never"
    else:
        print "else of an empty loop"
    # nested loops: break leaves only the inner loop
    i = 0
    while i < 3:
        j = 0
        while True:
            if j == i:
                break
            j += 1
        print "i", i, "j", j
        i += 1
    return 0

def target(driver, args):
    return entry_point, None
