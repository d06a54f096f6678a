# splitlines, with and without keeping the line ends.

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

def show(parts):
    out = []
    for p in parts:
        out.append(escape(p))
    return "[" + "|".join(out) + "]" + str(len(parts))

def entry_point(argv):
    text = "first\nsecond\r\nthird\rfourth\n" + argv[0][:0]
    print show(text.splitlines())
    print show(text.splitlines(True))
    print show("".splitlines())
    print show("no newline".splitlines())
    print show("\n\n".splitlines())
    count = 0
    for line in "a\nbb\nccc".splitlines():
        count += len(line)
    print count
    return 0

def target(driver, args):
    return entry_point, None
