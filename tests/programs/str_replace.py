# str.replace. RPython's str.replace takes single characters (for longer
# substrings, programs use rpython.rlib.rstring.replace; see
# rstring_functions.py).

def entry_point(argv):
    s = "the cat sat on the mat" + argv[0][:0]
    print s.replace("a", "o")
    print s.replace(" ", "_")
    print s.replace("x", "y")
    print s.replace("t", "T")
    print "aaaa".replace("a", "b")
    print "".replace("a", "b")
    text = "line1\nline2\nline3" + argv[0][:0]
    print text.replace("\n", "/")
    path = "C:\\dir\\file.txt"
    print path.replace("\\", "/")
    return 0

def target(driver, args):
    return entry_point, None
