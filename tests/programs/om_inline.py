# always_inline and dont_inline change how the code is compiled, not what
# it does.

from rpython.rlib.objectmodel import always_inline, dont_inline

@always_inline
def small(x):
    return x * 3 + 1

@dont_inline
def big(x):
    total = 0
    for i in range(x):
        total += small(i)
    return total

def entry_point(argv):
    print small(5), big(10), big(0)
    return 0

def target(driver, args):
    return entry_point, None
