# A failing assert raises AssertionError; uncaught, it ends the program with
# status 1 after the output printed so far.

def checked_div(a, b):
    assert b != 0
    return a // b

def entry_point(argv):
    print checked_div(20, 4)
    print "dividing by zero now"
    print checked_div(1, len(argv) - len(argv))
    print "not reached"
    return 0

def target(driver, args):
    return entry_point, None
