# JIT hints are intrinsics: JitDriver methods annotate to None without
# analysing their Python bodies, promote() gives its argument,
# we_are_jitted() is a constant False (its branch is never followed).

from rpython.rlib.jit import JitDriver, promote, we_are_jitted, set_param
from rpython.rlib.objectmodel import we_are_translated

driver = JitDriver(greens=['pc'], reds=['n'])

def run(n):
    pc = 0
    set_param(driver, "threshold", 3)
    while pc < n:
        driver.jit_merge_point(pc=pc, n=n)
        pc = promote(pc) + 1
        driver.can_enter_jit(pc=pc, n=n)
    if we_are_jitted():
        return "jitted"
    if we_are_translated():
        return pc
    return 0

def entry_point(argv):
    return run(len(argv))

def target(driver, args):
    return entry_point, None
