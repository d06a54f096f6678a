# An error deep in a helper: the notes show how the entry point got there.

def label(n):
    return "item " + n

def describe(items):
    out = []
    for i in items:
        out.append(label(i))
    return out

def run(argv):
    return describe([len(a) for a in argv])

def entry_point(argv):
    print run(argv)
    return 0

def target(driver, args):
    return entry_point, None
