# split with a separator and an optional maximum number of splits.

def show(parts):
    return "[" + "|".join(parts) + "]" + str(len(parts))

def entry_point(argv):
    s = "a,b,,c" + argv[0][:0]
    print show(s.split(","))
    print show(s.split(",", 1))
    print show(s.split(",", 0))
    print show("one  two three".split(" "))
    print show("key=value=more".split("="))
    print show("a--b--c".split("--"))
    print show("".split(","))
    print show("no separator".split(","))
    print show(",leading,trailing,".split(","))
    total = 0
    for part in "10;20;30;40".split(";"):
        total += int(part)
    print total
    return 0

def target(driver, args):
    return entry_point, None
