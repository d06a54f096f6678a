# A generator must yield values of one type.

def items(n):
    yield n
    yield "done"

def entry_point(argv):
    for x in items(len(argv)):
        print x
    return 0

def target(driver, args):
    return entry_point, None
