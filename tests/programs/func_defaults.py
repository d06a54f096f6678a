# Default argument values of several types, filled in at the call site.

def pad(s, width=8, fill="."):
    while len(s) < width:
        s = s + fill
    return s

def scale(x, factor=2, offset=0):
    return x * factor + offset

def describe(name, items=None):
    if items is None:
        return name + ": nothing"
    return name + ": " + str(len(items)) + " items"

class Counter(object):
    def __init__(self, start=0, step=1):
        self.value = start
        self.step = step

    def tick(self, times=1):
        self.value += self.step * times
        return self.value

def entry_point(argv):
    print pad("ab")
    print pad("ab", 4)
    print pad("ab", 5, "*")
    print scale(3), scale(3, 10), scale(3, 10, 1)
    print describe("none")
    print describe("some", [1, 2, 3])
    c = Counter()
    c.tick()
    c.tick(5)
    print c.value
    d = Counter(100, -3)
    print d.tick(), d.tick(2)
    return 0

def target(driver, args):
    return entry_point, None
