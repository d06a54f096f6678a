# Packages, submodules, relative and implicit relative imports.
import pkg
import pkg.sub.leaf as leaf
from pkg import helpers
from pkg.sub import leaf as leaf2
from pkg.helpers import double, CONST
import plain

SAME = leaf is leaf2


def entry_point(argv):
    return double(CONST) + plain.VALUE + leaf.LEAF


def target(driver, args):
    return entry_point
