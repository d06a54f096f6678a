# promote, promote_string, elidable_promote and hint(promote=True): values
# are unchanged by these hints.

from rpython.rlib import jit

class Map(object):
    def __init__(self, names):
        self.names = names

    @jit.elidable_promote()
    def index_of(self, name):
        for i in range(len(self.names)):
            if self.names[i] == name:
                return i
        return -1

class Obj(object):
    def __init__(self, map, values):
        self.map = map
        self.values = values

    def get(self, name):
        m = jit.promote(self.map)
        i = m.index_of(name)
        if i < 0:
            return -1
        return self.values[i]

@jit.elidable_promote(promote_args='0')
def scaled(factor, x):
    return factor * x

def entry_point(argv):
    m = Map(["x", "y", "z"])
    o = Obj(m, [10, 20, 30])
    print o.get("y"), o.get("z"), o.get("w")
    n = jit.promote(len(argv) + 41)
    print n
    s = jit.promote_string("abc" + argv[0][:0])
    print s
    h = jit.hint(7 * len(argv), promote=True)
    print h
    print scaled(3, 14)
    return 0

def target(driver, args):
    return entry_point, None
