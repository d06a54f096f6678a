# rsplit with a separator and a maximum number of splits.

def show(parts):
    return "[" + "|".join(parts) + "]" + str(len(parts))

def entry_point(argv):
    path = "usr/local/lib/python" + argv[0][:0]
    print show(path.rsplit("/"))
    print show(path.rsplit("/", 1))
    print show(path.rsplit("/", 2))
    print show("a.b.c.d".rsplit(".", 1))
    print show("nosep".rsplit(".", 1))
    print show("..x..".rsplit("."))
    name = "archive.tar.gz"
    parts = name.rsplit(".", 1)
    print parts[0], parts[1]
    return 0

def target(driver, args):
    return entry_point, None
