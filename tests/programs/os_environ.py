# os.environ: reading variables with get() and [] (the program checks only
# variables it can predict).

import os

def entry_point(argv):
    missing = os.environ.get("RPYTHON_PENDING_SURELY_NOT_SET")
    print missing is None
    path = os.environ.get("PATH")
    print path is not None
    print len(os.environ["PATH"]) > 0
    try:
        os.environ["RPYTHON_PENDING_SURELY_NOT_SET"]
        print "found"
    except KeyError:
        print "KeyError"
    return 0

def target(driver, args):
    return entry_point, None
