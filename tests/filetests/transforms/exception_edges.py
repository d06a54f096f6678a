# A call that can collect and raise inside try: the handler reloads the
# pointers it uses from their shadow-stack slots on its own link.

class Box(object):
    def __init__(self, v):
        self.v = v

def risky(n):
    if n > 2:
        raise ValueError
    return Box(n)

def entry_point(argv):
    box = Box(len(argv))
    try:
        other = risky(len(argv) + 5)
        print other.v
    except ValueError:
        print box.v
    return 0

def target(*args):
    return entry_point, None
