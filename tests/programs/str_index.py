# Indexing strings, including negative indexes, and len().

def entry_point(argv):
    s = "hello, world" + argv[0][:0]
    print s[0], s[4], s[-1], s[-5], len(s)
    n = len(s)
    out = ""
    for i in range(n):
        out += s[n - 1 - i]
    print out
    first = s[0]
    print first == "h", first == s[-len(s)]
    print ord(s[7]), s[7] == "w"
    caps = ""
    i = 0
    while i < len(s):
        c = s[i]
        if c == " " or c == ",":
            caps += "_"
        else:
            caps += chr(ord(c) - 32)
        i += 1
    print caps
    return 0

def target(driver, args):
    return entry_point, None
