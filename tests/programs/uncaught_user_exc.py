# An uncaught user exception ends the program with status 1 after what it
# printed so far.

class ConfigError(Exception):
    def __init__(self, what):
        self.what = what

def load(name):
    if name == "bad":
        raise ConfigError(name)
    return len(name)

def entry_point(argv):
    print load("good")
    print "loading bad"
    print load("bad" + argv[0][:0])
    print "not reached"
    return 0

def target(driver, args):
    return entry_point, None
