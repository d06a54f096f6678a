import os

def entry_point(argv):
    os.fork()
    return 0

def target(driver, args):
    return entry_point, None
