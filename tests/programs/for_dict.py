# for loops over a dict and its keys(), values() and items().
# CPython's iteration order differs from RPython's insertion order, so the
# program only prints results that do not depend on the order.

def sort_strings(lst):
    # insertion sort, since RPython lists have no sort()
    for i in range(1, len(lst)):
        x = lst[i]
        j = i - 1
        while j >= 0 and lst[j] > x:
            lst[j + 1] = lst[j]
            j -= 1
        lst[j + 1] = x

def entry_point(argv):
    ages = {"ann": 31, "bob": 25, "cid": 47, "dee": 19}
    names = []
    for name in ages:
        names.append(name)
    sort_strings(names)
    for name in names:
        print name, ages[name]
    total = 0
    for age in ages.values():
        total += age
    print "total age", total
    oldest = ""
    best = -1
    for name, age in ages.items():
        if age > best:
            best = age
            oldest = name
    print "oldest", oldest, best
    keys = ages.keys()
    sort_strings(keys)
    print " ".join(keys)
    count = 0
    for k in {}.keys():
        count += 1
    print "empty", count
    return 0

def target(driver, args):
    return entry_point, None
