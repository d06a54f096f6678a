# Keyword arguments at the call site.

def box(width, height=2, depth=3):
    return width * 100 + height * 10 + depth

def entry_point(argv):
    print box(1)
    print box(1, depth=5)
    print box(width=4, height=6)
    print box(depth=1, width=2, height=3)
    print box(7, 8, depth=9)
    return 0

def target(driver, args):
    return entry_point, None
