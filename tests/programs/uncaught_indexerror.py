# An IndexError from a list that nothing catches ends the program with
# status 1.

def get(lst, i):
    return lst[i]

def entry_point(argv):
    lst = [1, 2, 3]
    print get(lst, 2)
    print "reading past the end"
    print get(lst, len(argv) + 5)
    print "not reached"
    return 0

def target(driver, args):
    return entry_point, None
