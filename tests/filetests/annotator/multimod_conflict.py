# The conflict names the file of each place.
from multimod_conflict_helper import show

def entry_point(argv):
    show(1)
    show("one")
    return 0

def target(driver, args):
    return entry_point, None
