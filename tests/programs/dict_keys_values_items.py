# keys(), values() and items() return lists; the program prints only
# order-independent results.

def isort_str(lst):
    for i in range(1, len(lst)):
        x = lst[i]
        j = i - 1
        while j >= 0 and lst[j] > x:
            lst[j + 1] = lst[j]
            j -= 1
        lst[j + 1] = x
    return lst

def isort_int(lst):
    for i in range(1, len(lst)):
        x = lst[i]
        j = i - 1
        while j >= 0 and lst[j] > x:
            lst[j + 1] = lst[j]
            j -= 1
        lst[j + 1] = x
    return lst

def entry_point(argv):
    d = {"x": 10, "y": 20, "z": 30, "w": 5}
    keys = d.keys()
    values = d.values()
    items = d.items()
    print len(keys), len(values), len(items)
    print " ".join(isort_str(keys))
    print isort_int(values)
    total = 0
    for k, v in items:
        if d[k] == v:
            total += v
    print total
    keys.append("extra")
    print len(d), len(keys)
    return 0

def target(driver, args):
    return entry_point, None
