from rpython.rlib.rarithmetic import ovfcheck

def entry_point(argv):
    x = len(argv) + 1
    y = ovfcheck(x)
    return y

def target(driver, args):
    return entry_point, None
