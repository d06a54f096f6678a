# not_rpython marks helpers that only run at import time (here building a
# table); the entry point uses their results.

from rpython.rlib.objectmodel import not_rpython

@not_rpython
def build_squares(n):
    # not RPython: uses a dict comprehension and sorted()
    d = {i: i * i for i in range(n)}
    return [d[k] for k in sorted(d)]

SQUARES = build_squares(8)

@not_rpython
def make_name(parts):
    return "-".join(sorted(parts))

NAME = make_name(["b", "c", "a"])

def entry_point(argv):
    print SQUARES
    print NAME
    return 0

def target(driver, args):
    return entry_point, None
