# GC stress: long-lived linked lists. Several lists of thousands of nodes are
# built a node at a time while many temporary objects (boxes, small lists,
# strings) are allocated and dropped between the nodes, so the list nodes are
# promoted out of the nursery in many small groups, each pointing to older
# ones. Some lists are then spliced, some nodes replaced, and every list is
# verified by walking it. Rounds of node replacements then turn old cells
# into garbage so that the old generation needs major collections.

class Cell(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next
        self.tag = "c%d" % (value % 100)

class Box(object):
    def __init__(self, x):
        self.x = x
        self.other = None

class LinkedList(object):
    def __init__(self, name):
        self.name = name
        self.head = None
        self.length = 0

    def push(self, value):
        self.head = Cell(value, self.head)
        self.length += 1

def make_garbage(n, seed):
    # Temporary objects that die at once; returns a number so the work
    # cannot be skipped.
    total = 0
    prev = None
    for j in range(n):
        b = Box(seed + j)
        b.other = prev
        prev = b
        tmp = [b.x, j, seed]
        total += tmp[0] + len(tmp)
    return total

def walk(lst):
    n = 0
    s = 0
    bad = 0
    cell = lst.head
    while cell is not None:
        n += 1
        s += cell.value
        if cell.tag != "c%d" % (cell.value % 100):
            bad += 1
        cell = cell.next
    return n, s, bad

def entry_point(argv):
    nlists = 8
    per_list = 3000
    lists = []
    for k in range(nlists):
        lists.append(LinkedList("list%d" % k))
    garbage = 0
    for i in range(per_list):
        for k in range(nlists):
            lists[k].push(i * nlists + k)
            garbage += make_garbage(30, i + k)
    print "garbage checksum:", garbage
    for lst in lists:
        n, s, bad = walk(lst)
        print lst.name, "length", lst.length, "walked", n, "sum", s, "bad", bad

    # Replace every third node of list 0 with a fresh cell (old nodes now
    # point to young ones), allocating more garbage between replacements.
    lst = lists[0]
    cell = lst.head
    i = 0
    while cell is not None and cell.next is not None:
        if i % 3 == 0:
            old = cell.next
            cell.next = Cell(old.value + 1000000, old.next)
            garbage += make_garbage(20, i)
        cell = cell.next
        i += 1
    n, s, bad = walk(lst)
    print lst.name, "after replace: walked", n, "sum", s, "bad", bad

    # Rounds of replacing nodes all over lists 3..7: the cells replaced in
    # one round live long enough to be promoted, then become old garbage.
    for rnd in range(24):
        for k in range(3, nlists):
            cell = lists[k].head
            i = 0
            while cell is not None and cell.next is not None:
                if (i + rnd) % 3 == 0:
                    old = cell.next
                    cell.next = Cell(old.value + 1, old.next)
                cell = cell.next
                i += 1
        garbage += make_garbage(2000, rnd)
        if rnd % 4 == 3:
            n, s, bad = walk(lists[3 + rnd % 5])
            print "round", rnd, lists[3 + rnd % 5].name, "walked", n, "sum", s, "bad", bad

    # Splice list 1 onto the end of list 2.
    a = lists[2]
    cell = a.head
    while cell.next is not None:
        cell = cell.next
    cell.next = lists[1].head
    a.length += lists[1].length
    lists[1].head = None
    lists[1].length = 0
    for r in range(5):
        garbage += make_garbage(4000, r)
    for lst in lists:
        n, s, bad = walk(lst)
        print lst.name, "length", lst.length, "walked", n, "sum", s, "bad", bad
    print "garbage checksum:", garbage
    return 0

def target(driver, args):
    return entry_point, None
