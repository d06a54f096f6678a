import os

def log(msg):
    os.write(2, msg + "\n")

def entry_point(argv):
    n = os.write(1, "hello\n")
    log("done")
    print n
    return 0

def target(driver, args):
    return entry_point, None
