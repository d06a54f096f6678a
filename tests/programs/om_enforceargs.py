# enforceargs: fixes the argument types of a function (checked when run
# untranslated).

from rpython.rlib.objectmodel import enforceargs

@enforceargs(int, int)
def add(a, b):
    return a + b

@enforceargs(str, int)
def repeat(s, n):
    return s * n

@enforceargs(None, int)
def anything_and_int(x, n):
    return n + 1

def entry_point(argv):
    print add(2, 3)
    print repeat("ab", 3)
    print anything_and_int("whatever", 41)
    return 0

def target(driver, args):
    return entry_point, None
