# The entry point's result is the process exit status.

def entry_point(argv):
    print "exiting with 42"
    return 42

def target(driver, args):
    return entry_point, None
