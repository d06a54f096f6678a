# os.write to standard output and standard error.

import os

def entry_point(argv):
    os.write(1, "written with os.write\n")
    print "printed"
    os.write(1, "again " + str(42) + "\n")
    os.write(2, "this goes to stderr\n")
    n = os.write(1, "abc\n")
    print n
    return 0

def target(driver, args):
    return entry_point, None
