# startswith and endswith.

def kind(filename):
    if filename.endswith(".py"):
        return "python"
    elif filename.endswith(".rs"):
        return "rust"
    elif filename.startswith("."):
        return "hidden"
    return "other"

def entry_point(argv):
    for f in ["main.py", "lib.rs", ".bashrc", "README", "x.pyc", ".hidden.py"]:
        print f, kind(f)
    s = "prefix-body-suffix" + argv[0][:0]
    print s.startswith("prefix"), s.startswith("body"), s.startswith("")
    print s.endswith("suffix"), s.endswith("fix-"), s.endswith("")
    print "ab".startswith("abc"), "".startswith(""), "".endswith("a")
    return 0

def target(driver, args):
    return entry_point, None
