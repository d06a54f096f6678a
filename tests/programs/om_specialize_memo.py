# specialize.memo(): a function of prebuilt constants evaluated at
# translation time and cached.

from rpython.rlib.objectmodel import specialize

class Kind(object):
    def __init__(self, name, size):
        self.name = name
        self.size = size

INT = Kind("int", 8)
CHAR = Kind("char", 1)
PAIR = Kind("pair", 16)

@specialize.memo()
def describe(kind):
    # runs once per constant argument
    return "%s/%d" % (kind.name, kind.size)

@specialize.memo()
def double_size(kind):
    return kind.size * 2

def entry_point(argv):
    print describe(INT), describe(CHAR), describe(PAIR)
    print double_size(INT) + double_size(CHAR)
    print describe(INT) == describe(INT)
    return 0

def target(driver, args):
    return entry_point, None
