# isdigit, isalpha, isalnum and isspace on strings and characters.

def escape(s):
    out = ""
    for c in s:
        if c == "\n":
            out += "\\n"
        elif c == "\r":
            out += "\\r"
        elif c == "\t":
            out += "\\t"
        else:
            out += c
    return out

def classify(c):
    if c.isdigit():
        return "d"
    if c.isalpha():
        return "a"
    if c.isspace():
        return "s"
    return "."

def entry_point(argv):
    samples = ["123", "abc", "abc123", "", " \t\n", "a b", "12.5", "ABCdef"]
    for s in samples:
        print "[" + escape(s) + "]", s.isdigit(), s.isalpha(), s.isalnum(), s.isspace()
    line = ""
    for c in "a1 b2\tc3!":
        line += classify(c)
    print line
    return 0

def target(driver, args):
    return entry_point, None
