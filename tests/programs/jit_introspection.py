# we_are_jitted, isconstant and isvirtual are False when not running in JIT
# generated code; a program may branch on them as long as both branches do
# the same thing.

from rpython.rlib import jit

def fast_path(n):
    if jit.we_are_jitted():
        return n * 2
    return n + n

class Box(object):
    def __init__(self, v):
        self.v = v

def describe(b):
    if jit.isvirtual(b):
        return b.v
    return b.v

def entry_point(argv):
    print fast_path(21)
    print jit.we_are_jitted()
    n = len(argv)
    if jit.isconstant(n):
        print "constant path", n * 10
    else:
        print "variable path", n * 10
    print describe(Box(5))
    return 0

def target(driver, args):
    return entry_point, None
