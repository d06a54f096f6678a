# split() with no argument splits on runs of whitespace and drops empty
# strings.

def show(parts):
    return "[" + "|".join(parts) + "]" + str(len(parts))

def entry_point(argv):
    print show("  the quick\tbrown\n\nfox  ".split())
    print show("".split())
    print show("   ".split())
    print show("single".split())
    line = "add 3 4" + argv[0][:0]
    words = line.split()
    if words[0] == "add":
        print int(words[1]) + int(words[2])
    return 0

def target(driver, args):
    return entry_point, None
