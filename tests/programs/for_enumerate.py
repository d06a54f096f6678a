# enumerate() over lists and strings.

def entry_point(argv):
    fruits = ["apple", "banana", "cherry"]
    for i, f in enumerate(fruits):
        print i, f
    pos = -1
    for i, c in enumerate("hello world"):
        if c == "w":
            pos = i
    print "w at", pos
    total = 0
    for i, x in enumerate([10, 20, 30, 40]):
        total += i * x
    print "weighted", total
    for i, row in enumerate([[1, 2], [3, 4, 5]]):
        print "row", i, "has", len(row)
    return 0

def target(driver, args):
    return entry_point, None
