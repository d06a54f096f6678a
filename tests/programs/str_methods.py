# str methods, `in` on strs, s * n, ord/chr/abs/min/max.

def entry_point(argv):
    s = "  Hello, World  "
    t = s.strip()
    print "[" + t + "]", "[" + s.lstrip() + "]", "[" + s.rstrip() + "]", "[" + "xxhixx".strip("x") + "]"
    print t.upper(), t.lower(), t.startswith("Hell"), t.endswith("World"), t.endswith("x")
    print t.find("o"), t.rfind("o"), t.find("zz"), t.find("o", 5), t.count("l")
    print t.replace("l", "L"), t.replace("World", "There")
    words = "a bb  ccc".split()
    print len(words), words[0], words[2]
    parts = "k=v=w".split("=")
    print len(parts), parts[1], "k=v=w".split("=", 1)[1], "k=v=w".rsplit("=", 1)[0]
    print "-".join(["x", "y", "z"]), "".join(["a", "b"]), ",".join([])
    print "ell" in t, "xyz" in t, "W" in t, "o" not in t
    print "ab" * 3, "-" * 0
    print "123".isdigit(), "12a".isdigit(), "abc".isalpha(), "a1".isalnum(), " \t".isspace(), "".isdigit()
    print "ABC".isupper(), "abc".islower()
    lines = "one\ntwo\n\nthree".splitlines()
    print len(lines), lines[3]
    print ord("a"), chr(98), ord(t[0]), abs(-5), abs(7), min(3, 9), max(3, 9), min(-2, -8)
    chars = [c for c in "hey"]
    print "+".join(chars)
    total = 0
    for w in "10 20 30".split(" "):
        total += int(w)
    print total
    try:
        chr(300)
    except ValueError:
        print "ValueError chr"
    return 0


def target(driver, args):
    return entry_point, None
