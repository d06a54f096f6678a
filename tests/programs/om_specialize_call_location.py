# specialize.call_location(): one copy of a function per call site, so each
# site may pass its own argument types.

from rpython.rlib.objectmodel import specialize

@specialize.call_location()
def first(lst):
    return lst[0]

@specialize.call_location()
def pair_up(a, b):
    return [a, b]

def entry_point(argv):
    print first([10, 20])
    print first(["x", "y"])
    ints = pair_up(1, 2)
    strs = pair_up("a", "b")
    print ints[0] + ints[1], strs[0] + strs[1]
    return 0

def target(driver, args):
    return entry_point, None
