# while with break / continue / else; a function returning nothing.

def count(limit):
    i = 0
    while True:
        i += 1
        if i % 2 == 0:
            continue
        if i > limit:
            break
        print i,
    else:
        print "never"
    print

def entry_point(argv):
    count(7)
    n = 0
    while n < 3:
        n += 1
    else:
        print "else", n
    return 0

def target(driver, args):
    return entry_point, None
