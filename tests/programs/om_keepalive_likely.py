# keepalive_until_here keeps objects alive up to a point; likely and
# unlikely are branch hints returning their argument.

from rpython.rlib.objectmodel import keepalive_until_here, likely, unlikely

class Buffer(object):
    def __init__(self, size):
        self.data = [0] * size

def fill(n):
    buf = Buffer(n)
    for i in range(n):
        buf.data[i] = i
    total = 0
    for x in buf.data:
        total += x
    keepalive_until_here(buf)
    return total

def classify(n):
    if likely(n >= 0):
        if unlikely(n == 0):
            return "zero"
        return "positive"
    return "negative"

def entry_point(argv):
    print fill(10)
    for n in [5, 0, -3]:
        print n, classify(n)
    print likely(True), unlikely(False)
    return 0

def target(driver, args):
    return entry_point, None
