# for loops over ranges, lists and strings; list methods; tuples; enumerate.

def entry_point(argv):
    lst = []
    for i in range(0, 10, 2):
        lst.append(i)
    lst.insert(0, -1)
    x = lst.pop()
    total = 0
    for k, v in enumerate(lst):
        total += k * v
    for c in "ab":
        if c in ["a"]:
            total += 1
    pair = (total, x)
    a, b = pair
    return a + b + len(lst[1:3])

def target(driver, args):
    return entry_point, None
