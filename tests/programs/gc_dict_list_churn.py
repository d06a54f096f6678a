# GC stress: dicts and lists of strings created and dropped in loops. Keys
# and values are built with str(i) and concatenation, dicts grow (and are
# resized) and shrink by deletion, lists grow by append and shrink by pop.
# A long-lived dict and list keep some of the young strings alive across
# collections. Sums and lengths are checked at the end.

def digit_sum(s):
    t = 0
    for c in s:
        if '0' <= c <= '9':
            t += ord(c) - ord('0')
    return t

def churn_dict(n, seed):
    d = {}
    for i in range(n):
        key = "k" + str(seed) + "_" + str(i)
        d[key] = "v" + str(i * 7 + seed)
    # Delete every other key, then add some back under other names.
    for i in range(0, n, 2):
        del d["k" + str(seed) + "_" + str(i)]
    for i in range(n // 4):
        d["x" + str(i)] = str(i) + "!"
    total = 0
    for key, value in d.items():
        total += len(key) + digit_sum(value)
    return len(d), total

def churn_list(n, seed):
    lst = []
    for i in range(n):
        lst.append(str(seed + i) + "," + str(i))
    popped = 0
    while len(lst) > n // 3:
        s = lst.pop()
        popped += len(s)
    for i in range(n // 2):
        lst.append("p" + str(i))
    total = 0
    for s in lst:
        total += len(s)
    return len(lst), total + popped

def entry_point(argv):
    keep_dict = {}
    keep_list = []
    dict_len = 0
    dict_total = 0
    list_len = 0
    list_total = 0
    for r in range(1000):
        n, t = churn_dict(200, r)
        dict_len += n
        dict_total += t
        n, t = churn_list(300, r)
        list_len += n
        list_total += t
        if r % 200 == 0:
            # Now and then big containers, larger than a small nursery.
            n, t = churn_dict(20000, r)
            dict_len += n
            dict_total += t
            n, t = churn_list(30000, r)
            list_len += n
            list_total += t
        # Long-lived containers get young strings.
        keep_dict["r" + str(r)] = "value" + str(r * r)
        if r % 3 == 0:
            keep_list.append(str(r) + "-" + str(dict_total % 1000))
        if r % 50 == 49:
            # Drop some long-lived entries too.
            for j in range(r - 40, r - 20):
                del keep_dict["r" + str(j)]
            keep_list.pop()
    print "dicts:", dict_len, dict_total
    print "lists:", list_len, list_total
    print "kept dict:", len(keep_dict)
    s = 0
    for i in range(1000):
        key = "r" + str(i)
        if key in keep_dict:
            v = keep_dict[key]
            if v != "value" + str(i * i):
                print "wrong value for", key
            s += len(v)
    print "kept dict value lengths:", s
    print "kept list:", len(keep_list), keep_list[0], keep_list[-1]
    total = 0
    for x in keep_list:
        total += digit_sum(x)
    print "kept list digit sum:", total
    return 0

def target(driver, args):
    return entry_point, None
