# iterkeys(), itervalues() and iteritems() of dicts.

def entry_point(argv):
    squares = {}
    for i in range(1, 8):
        squares[i] = i * i
    ksum = 0
    for k in squares.iterkeys():
        ksum += k
    vsum = 0
    for v in squares.itervalues():
        vsum += v
    check = 0
    for k, v in squares.iteritems():
        if v == k * k:
            check += 1
    print ksum, vsum, check
    # small int keys inserted in ascending order iterate in that order
    # both in RPython and in CPython 2.7
    line = ""
    for k, v in squares.iteritems():
        line += "%d:%d " % (k, v)
    print line
    words = {"one": 1, "two": 2, "three": 3}
    longest = ""
    for w in words.iterkeys():
        if len(w) > len(longest):
            longest = w
    print longest
    return 0

def target(driver, args):
    return entry_point, None
