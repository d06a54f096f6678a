import os

def entry_point(argv):
    os.system("ls")
    return 0

def target(driver, args):
    return entry_point, None
