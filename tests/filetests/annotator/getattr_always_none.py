# Reading an attribute of a value that is None at every call is reported
# at the fixpoint.

def datum_of(pkt):
    return pkt.datum

def entry_point(argv):
    return datum_of(None)

def target(driver, args):
    return entry_point, None
