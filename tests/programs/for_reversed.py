# reversed() over lists and ranges.

def entry_point(argv):
    lst = [1, 2, 3, 4, 5]
    out = []
    for x in reversed(lst):
        out.append(x)
    print out
    line = ""
    for i in reversed([0, 1, 2, 3]):
        line += str(i)
    print line
    words = ["a", "bb", "ccc"]
    joined = ""
    for w in reversed(words):
        joined += w + "."
    print joined
    print lst
    count = 0
    empty = [0]
    empty.pop()
    for x in reversed(empty):
        count += 1
    print count
    return 0

def target(driver, args):
    return entry_point, None
