# list.pop (last, first, by index) and list.remove.

def entry_point(argv):
    lst = range(10)
    print lst.pop(), lst.pop(0), lst.pop(3), lst.pop(-2)
    print lst
    lst.remove(5)
    lst.remove(1)
    print lst
    stack = []
    for c in "abc":
        stack.append(c)
    out = ""
    while stack:
        out += stack.pop()
    print out
    dup = [3, 1, 3, 2, 3]
    dup.remove(3)
    print dup
    try:
        dup.remove(42)
    except ValueError:
        print "42 not in list"
    return 0

def target(driver, args):
    return entry_point, None
