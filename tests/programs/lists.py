# Lists: append insert extend reverse pop remove index count, del, +, *,
# ==, in, slices, slice assignment, comprehensions, [x]*n, negative
# indexes, IndexError and ValueError.

def show(name, lst):
    print name, len(lst),
    for x in lst:
        print x,
    print


def entry_point(argv):
    l = [1, 2, 3]
    l.append(4)
    l.insert(0, 0)
    l.insert(-1, 99)
    l.insert(100, 5)
    show("a", l)
    l.extend([6, 7])
    l.extend(l)
    show("b", l)
    l.reverse()
    show("c", l)
    print "pop", l.pop(), l.pop(0), l.pop(-2)
    l.remove(99)
    show("d", l)
    print "index", l.index(7), l.index(3), "count", l.count(7), l.count(42)
    del l[0]
    del l[-1]
    show("e", l)
    print "in", 3 in l, 42 in l, 42 not in l
    m = l + [100, 200]
    show("f", m)
    z = [0] * 5
    z[2] = 9
    z[-1] = 8
    show("g", z)
    show("h", [1, 2] * 3)
    show("i", [7] * 0)
    print "eq", [1, 2] == [1, 2], [1, 2] == [1, 3], [1] != [1, 2], z == z
    s = m[1:4]
    show("slice", s)
    show("slice2", m[3:])
    show("slice3", m[:2])
    show("slice4", m[:-1])
    show("slice5", m[5:2])
    m[0:2] = [-1, -2]
    show("setslice", m)
    del m[1:3]
    show("delslice", m)
    sq = [i * i for i in range(6) if i % 2 == 0]
    show("comp", sq)
    words = ["b", "a", "c"]
    words.append("d")
    print "words", words[0], words[-1], "c" in words, words.index("c")
    chars = [c for c in "hello"]
    print chars[0], chars[-1], len(chars)
    try:
        print l[100]
    except IndexError:
        print "IndexError get"
    try:
        l[-100] = 1
    except IndexError:
        print "IndexError set"
    try:
        l.remove(12345)
    except ValueError:
        print "ValueError remove"
    try:
        [].pop()
    except IndexError:
        print "IndexError pop"
    empty = []
    print len(empty), 1 in empty
    bools = [True, False]
    bools.append(True)
    print bools[0], bools[1], bools.count(True)
    return 0


def target(driver, args):
    return entry_point, None
