# Comparing strings.

def entry_point(argv):
    a = "apple"
    b = "banana"
    print a == b, a != b, a < b, a > b, a <= "apple", b >= "bananas"
    if a + "" == "apple":
        print "equal after concatenation"
    if argv[1] == "go":
        print "argument is go"
    if argv[1] != "stop":
        print "argument is not stop"
    return 0

def target(driver, args):
    return entry_point, None
