# JitDriver.loop_header() marks an inner loop as a place where the JIT may
# close a loop, in a function whose jit_merge_point sits elsewhere. Without
# the JIT it does nothing.

from rpython.rlib import jit

driver = jit.JitDriver(greens=['depth'], reds=['n', 'acc'], name='header')

def walk(depth, n):
    acc = 0
    driver.jit_merge_point(depth=depth, n=n, acc=acc)
    while n > 0:
        driver.loop_header()
        acc += n * depth
        n -= 1
    if depth < 3:
        acc += walk(depth + 1, depth * 4)
    return acc

def count_matches(lst, value):
    count = 0
    for x in lst:
        driver.loop_header()
        if x == value:
            count += 1
    return count

def entry_point(argv):
    print walk(1, 10)
    print count_matches([1, 2, 1, 3, 1], 1)
    return 0

def target(driver, args):
    return entry_point, None
