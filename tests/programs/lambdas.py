# Lambdas as values: in lists, module constants and as arguments.

KEYS = [lambda x: x % 10, lambda x: -x, lambda x: x // 10]

def best(lst, key):
    best_item = lst[0]
    for x in lst:
        if key(x) > key(best_item):
            best_item = x
    return best_item

def sort_by(lst, key):
    out = list(lst)
    for i in range(1, len(out)):
        x = out[i]
        j = i - 1
        while j >= 0 and key(out[j]) > key(x):
            out[j + 1] = out[j]
            j -= 1
        out[j + 1] = x
    return out

def entry_point(argv):
    data = [42, 17, 99, 3, 58]
    for k in KEYS:
        print best(data, k)
    print sort_by(data, lambda x: x)
    print sort_by(data, lambda x: x % 10)
    print sort_by(data, lambda x: -x)
    add = lambda a, b: a + b
    print add(3, 4), (lambda: 7)()
    return 0

def target(driver, args):
    return entry_point, None
