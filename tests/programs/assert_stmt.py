# assert statements that hold do nothing (RPython does not allow catching
# AssertionError; see assert_fail.py for one that fails).

def checked_div(a, b):
    assert b != 0
    return a // b

def entry_point(argv):
    x = 10
    assert x > 5
    assert x == 10, "x should be ten"
    print checked_div(20, 4)
    lst = [1, 2, 3]
    assert len(lst) == 3
    assert lst
    print "all assertions held"
    return 0

def target(driver, args):
    return entry_point, None
