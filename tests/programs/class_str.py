# str() of an instance: "<... object at 0x...>". The address varies, so the
# program only checks the shape of the text.

class Thing(object):
    def __init__(self, n):
        self.n = n

class Other(Thing):
    pass

def looks_right(s):
    return s.startswith("<") and s.endswith(">") and s.find(" object at 0x") > 0

def entry_point(argv):
    a = Thing(1)
    b = Other(2)
    sa = str(a)
    sb = str(b)
    print looks_right(sa), looks_right(sb)
    print sa.find("Thing") > 0, sb.find("Other") > 0
    print str(a) == sa, sa == sb
    return 0

def target(driver, args):
    return entry_point, None
