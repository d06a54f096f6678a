# rgc.collect and rgc.add_memory_pressure: asking the GC to run and telling
# it about memory it does not see. Neither changes the program's results.

from rpython.rlib import rgc

class Blob(object):
    def __init__(self, n):
        self.data = [n] * 100

def churn(rounds):
    keep = None
    total = 0
    for i in range(rounds):
        b = Blob(i)
        total += b.data[99]
        if i % 100 == 0:
            keep = b
    assert keep is not None
    return total + keep.data[0]

def entry_point(argv):
    print churn(1000)
    rgc.collect()
    rgc.add_memory_pressure(1024 * 1024)
    print churn(500)
    rgc.collect()
    print "collected"
    return 0

def target(driver, args):
    return entry_point, None
