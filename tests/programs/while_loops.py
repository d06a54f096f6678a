# while with break, continue and else.

def count_odd(limit):
    i = 0
    odd = 0
    while i < limit:
        i += 1
        if i % 2 == 0:
            continue
        odd += 1
    return odd

def find_first_multiple(start, factor, limit):
    n = start
    while n < limit:
        if n % factor == 0:
            break
        n += 1
    else:
        return -1
    return n

def entry_point(argv):
    print count_odd(11)
    print find_first_multiple(10, 7, 100)
    print find_first_multiple(10, 200, 100)
    total = 0
    i = 0
    while True:
        i += 1
        if i > 10:
            break
        total += i
    print total
    j = 3
    while j > 0:
        j -= 1
    else:
        print "loop finished normally with j =", j
    return 0

def target(driver, args):
    return entry_point, None
