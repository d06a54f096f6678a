# Class hints for the JIT: _immutable_ = True and _immutable_fields_ with
# 'x', 'lst[*]' and quasi-immutable 'q?' fields. A quasi-immutable field
# may still be written (rarely); the others are only set in __init__.

class Point(object):
    _immutable_ = True

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Point(self.x + other.x, self.y + other.y)

class Code(object):
    _immutable_fields_ = ['name', 'consts[*]', 'version?']

    def __init__(self, name, consts):
        self.name = name
        self.consts = consts
        self.version = 0

    def bump(self):
        self.version += 1

def entry_point(argv):
    p = Point(1, 2).add(Point(10, 20))
    print p.x, p.y
    c = Code("main", [5, 6, 7])
    total = 0
    for i in range(len(c.consts)):
        total += c.consts[i]
    print c.name, total, c.version
    c.bump()
    c.bump()
    print c.version
    return 0

def target(driver, args):
    return entry_point, None
