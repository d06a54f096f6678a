# Reading an attribute of a value that is only None so far (the first calls
# pass None) waits until a later call generalizes it, as in RPython.

class Packet(object):
    def __init__(self, datum):
        self.datum = datum

def datum_of(pkt):
    return pkt.datum

def entry_point(argv):
    n = 0
    if len(argv) > 5:
        n += datum_of(None)
    n += datum_of(Packet(len(argv)))
    return n

def target(driver, args):
    return entry_point, None
