# Instances created at import time are prebuilt constants of the program;
# their attributes can still be changed at run time.

class Color(object):
    def __init__(self, name, r, g, b):
        self.name = name
        self.r = r
        self.g = g
        self.b = b

    def brightness(self):
        return (self.r + self.g + self.b) // 3

RED = Color("red", 255, 0, 0)
GREEN = Color("green", 0, 255, 0)
GREY = Color("grey", 128, 128, 128)
PALETTE = [RED, GREEN, GREY]
BY_NAME = {"red": RED, "green": GREEN, "grey": GREY}

class Registry(object):
    def __init__(self):
        self.entries = []

REGISTRY = Registry()

def register(c):
    REGISTRY.entries.append(c.name)

def entry_point(argv):
    for c in PALETTE:
        print c.name, c.brightness()
    print BY_NAME["grey"] is GREY, BY_NAME["red"] is GREEN
    for c in PALETTE:
        register(c)
    register(RED)
    print len(REGISTRY.entries), " ".join(REGISTRY.entries)
    GREY.r = 0
    print GREY.brightness(), PALETTE[2].brightness()
    new = Color("new", 1, 2, 3)
    print new.brightness(), new is RED
    return 0

def target(driver, args):
    return entry_point, None
