# == and != between lists, and "in" / "not in" on lists.

def entry_point(argv):
    a = [1, 2, 3]
    b = [1, 2, 3]
    c = [1, 2, 4]
    print a == b, a == c, a != c, a is b
    print [] == [], [1] == [1, 1]
    print 2 in a, 5 in a, 5 not in a
    words = ["red", "green", "blue"]
    print "green" in words, "pink" in words
    nested = [[1, 2], [3]]
    print [3] in nested, [2] in nested
    print ["a", "b"] == ["a", "b"], ["a"] != ["b"]
    return 0

def target(driver, args):
    return entry_point, None
