# os.getenv with and without a default.

import os

def entry_point(argv):
    print os.getenv("RPYTHON_PENDING_SURELY_NOT_SET") is None
    print os.getenv("RPYTHON_PENDING_SURELY_NOT_SET", "default")
    print os.getenv("PATH") is not None
    return 0

def target(driver, args):
    return entry_point, None
