# strip, lstrip and rstrip, with no argument (whitespace) and with a
# character argument.

def show(s):
    return "[" + s + "]"

def entry_point(argv):
    s = "   padded text \t\n" + argv[0][:0]
    print show(s.strip()), show(s.lstrip()), show(s.rstrip())
    t = "xxhixx"
    print show(t.strip("x")), show(t.lstrip("x")), show(t.rstrip("x"))
    print show("".strip()), show("   ".strip()), show("abc".strip())
    line = "  key = value  "
    eq = line.find("=")
    print show(line[:eq].strip()), show(line[eq + 1:].strip())
    print show("--a-b--".strip("-"))
    return 0

def target(driver, args):
    return entry_point, None
