# del on list items and slices.

def entry_point(argv):
    lst = range(10)
    del lst[0]
    print lst
    del lst[-1]
    print lst
    del lst[2:4]
    print lst
    del lst[3:]
    print lst
    del lst[:1]
    print lst
    names = ["ann", "bob", "cid", "dee"]
    del names[1]
    print " ".join(names)
    return 0

def target(driver, args):
    return entry_point, None
