# dict.popitem removes some item until the dict is empty.

def entry_point(argv):
    d = {}
    for i in range(6):
        d[i] = i * i
    total_k = 0
    total_v = 0
    count = 0
    while d:
        k, v = d.popitem()
        total_k += k
        total_v += v
        count += 1
    print count, total_k, total_v, len(d)
    try:
        d.popitem()
    except KeyError:
        print "popitem on empty dict: KeyError"
    return 0

def target(driver, args):
    return entry_point, None
