# Indexing lists (negative indexes too), list.index and item assignment.

def entry_point(argv):
    lst = [10, 20, 30, 40, 50]
    print lst[0], lst[-1], lst[2], lst[-2]
    lst[1] = 21
    lst[-1] = 51
    print lst
    print lst.index(30), lst.index(51)
    try:
        lst.index(99)
    except ValueError:
        print "99 not found"
    names = ["ann", "bob", "cid"]
    print names.index("cid"), names[names.index("bob")]
    grid = [[0, 1], [2, 3]]
    grid[1][0] = 9
    print grid[1][0] + grid[0][1], grid[-1][-1]
    return 0

def target(driver, args):
    return entry_point, None
