# Dicts with string keys: store, lookup, update, len, in, and counting.
# Keys are printed in an order the program sorts itself.

def sort_strings(lst):
    for i in range(1, len(lst)):
        x = lst[i]
        j = i - 1
        while j >= 0 and lst[j] > x:
            lst[j + 1] = lst[j]
            j -= 1
        lst[j + 1] = x

def entry_point(argv):
    text = "the cat and the dog and the bird"
    counts = {}
    for w in text.split(" "):
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    keys = counts.keys()
    sort_strings(keys)
    for k in keys:
        print k, counts[k]
    print len(counts), "the" in counts, "fish" in counts, "fish" not in counts
    counts["the"] = 0
    print counts["the"], len(counts)
    empty = {}
    empty["x"] = 1
    print len(empty), empty["x"]
    return 0

def target(driver, args):
    return entry_point, None
