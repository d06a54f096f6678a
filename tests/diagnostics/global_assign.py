counter = 0

def entry_point(argv):
    global counter
    counter = counter + 1
    return 0

def target(driver, args):
    return entry_point, None
