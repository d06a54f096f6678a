# upper() and lower() of strings and characters.

def title(s):
    out = ""
    start = True
    for c in s:
        if start and c.isalpha():
            out += c.upper()
            start = False
        else:
            out += c.lower()
        if c == " ":
            start = True
    return out

def entry_point(argv):
    s = "Hello, World 123!" + argv[0][:0]
    print s.upper()
    print s.lower()
    print title("the QUICK brown fOX")
    print "".upper(), "ABC".lower() == "abc", "x".upper()
    c = s[1]
    print c.upper(), c.lower(), c.isupper(), c.islower()
    return 0

def target(driver, args):
    return entry_point, None
