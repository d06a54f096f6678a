# Mixins: import_from_mixin copies the methods of a mixin class into a class.

from rpython.rlib.objectmodel import import_from_mixin

class ComparableMixin(object):
    def lt(self, other):
        return self.key() < other.key()

    def eq(self, other):
        return self.key() == other.key()

    def max_of(self, other):
        if self.lt(other):
            return other.key()
        return self.key()

class CountMixin(object):
    count = 0

    def bump(self):
        self.count += 1
        return self.count

class Word(object):
    import_from_mixin(ComparableMixin)
    import_from_mixin(CountMixin)

    def __init__(self, s):
        self.s = s

    def key(self):
        return len(self.s)

class Number(object):
    import_from_mixin(ComparableMixin)

    def __init__(self, n):
        self.n = n

    def key(self):
        return self.n

def entry_point(argv):
    a = Word("apple")
    b = Word("fig")
    print a.lt(b), b.lt(a), a.eq(Word("grape")), a.max_of(b)
    x = Number(3)
    y = Number(9)
    print x.lt(y), x.max_of(y), y.max_of(x)
    a.bump()
    print a.bump(), b.bump()
    return 0

def target(driver, args):
    return entry_point, None
