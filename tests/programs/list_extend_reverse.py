# list.extend with lists, strings' characters via list(), and reverse().

def entry_point(argv):
    a = [1, 2, 3]
    a.extend([4, 5])
    a.extend([])
    print a
    b = [10]
    b.extend(a)
    b.extend(b)
    print b
    a.reverse()
    print a
    chars = list("hello")
    chars.reverse()
    print "".join(chars)
    empty = []
    empty.extend([7])
    empty.reverse()
    print empty
    copy = list(a)
    copy.reverse()
    print a, copy
    return 0

def target(driver, args):
    return entry_point, None
