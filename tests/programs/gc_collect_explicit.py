# rgc.collect() in the middle of live data: structures, strings in dicts and
# identity hashes (compute_identity_hash, id()) survive full collections unchanged.

from rpython.rlib import rgc
from rpython.rlib.objectmodel import compute_identity_hash


class Cell(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


def build(n):
    head = None
    for i in range(n):
        head = Cell(i, head)
    return head


def total(cell):
    s = 0
    while cell is not None:
        s += cell.value
        cell = cell.next
    return s


def entry_point(argv):
    chain = build(20000)
    names = {}
    for i in range(500):
        names["key%d" % i] = str(i * i)
    hashes = []
    ids = []
    cells = []
    c = chain
    for i in range(50):
        cells.append(c)
        hashes.append(compute_identity_hash(c))
        ids.append(id(c))
        c = c.next
    for round in range(3):
        garbage = build(5000)
        rgc.collect()
        same = 0
        for i in range(50):
            if compute_identity_hash(cells[i]) == hashes[i]:
                same += 1
            if id(cells[i]) == ids[i]:
                same += 1
        print "round", round, total(chain), len(names), names["key499"], same, total(garbage)
    return 0


def target(*args):
    return entry_point, None
