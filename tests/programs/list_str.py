# str() of lists of ints (and printing them).

def entry_point(argv):
    lst = [1, -2, 30]
    print str(lst)
    print lst
    print str([]), str([0])
    s = "values: " + str(lst)
    print s, len(s)
    nested = [[1, 2], [], [3]]
    print nested
    return 0

def target(driver, args):
    return entry_point, None
