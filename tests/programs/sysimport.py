# import os and sys at module level; the entry point uses os.

import os
import sys

def entry_point(argv):
    os.write(1, "imports work\n")
    return 0

def target(driver, args):
    return entry_point, None
