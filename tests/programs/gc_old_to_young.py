# GC stress: old objects pointing to young ones. A long-lived list of 5000
# object references and a set of long-lived holder objects are mutated over
# and over to point to freshly allocated objects, between which many
# temporaries die. A generational collector must find these young objects
# through the old ones (write barrier, remembered set, card marking) or the
# values checked below come out wrong.

class Item(object):
    def __init__(self, value, child):
        self.value = value
        self.child = child

class Holder(object):
    def __init__(self, ident):
        self.ident = ident
        self.first = None
        self.second = None
        self.items = []

def make_item(value):
    # An item with a small chain below it, all young.
    return Item(value, Item(value * 2, Item(value * 3, None)))

def item_sum(item):
    s = 0
    while item is not None:
        s += item.value
        item = item.child
    return s

def garbage(n, seed):
    t = 0
    for j in range(n):
        it = Item(seed + j, None)
        t += it.value & 7
    return t

def entry_point(argv):
    nslots = 5000
    slots = [None] * nslots
    for i in range(nslots):
        slots[i] = make_item(i)
    holders = []
    for h in range(200):
        holders.append(Holder(h))
    # Make the containers old: lots of allocation after they were built.
    junk = garbage(200000, 1)
    expected = [0] * nslots
    for i in range(nslots):
        expected[i] = item_sum(slots[i])

    rounds = 120
    for r in range(rounds):
        # Overwrite a scattered subset of the slots with young items.
        step = 7 + (r % 5) * 2
        i = r % step
        while i < nslots:
            v = r * 100000 + i
            slots[i] = make_item(v)
            expected[i] = v * 6
            i += step
        # A young object reachable only through an old one's field chain.
        for h in holders:
            h.first = Item(r + h.ident, None)
            if (r + h.ident) % 3 == 0:
                h.second = make_item(h.ident * 1000 + r)
            h.items.append(Item(r, None))
            if len(h.items) > 10:
                h.items.pop(0)
            # Mutate an old item's field to point to a young one.
            old = slots[(h.ident * 17 + r) % nslots]
            tail = old.child.child
            tail.child = Item(-1, None)
            tail.child = Item(0, Item(0, None))
        junk += garbage(5000, r)

    bad = 0
    total = 0
    long_chains = 0
    for i in range(nslots):
        s = item_sum(slots[i])
        if s != expected[i]:
            bad += 1
        total += s
        n = 0
        item = slots[i]
        while item is not None:
            n += 1
            item = item.child
        if n == 5:
            long_chains += 1
        elif n != 3:
            bad += 1
    print "slots:", nslots, "bad:", bad, "total:", total, "long chains:", long_chains
    hs = 0
    hbad = 0
    for h in holders:
        if h.first.value != rounds - 1 + h.ident:
            hbad += 1
        if h.second is not None:
            hs += item_sum(h.second)
        if len(h.items) != 10:
            hbad += 1
        for k in range(len(h.items)):
            if h.items[k].value != rounds - 10 + k:
                hbad += 1
    print "holders:", len(holders), "bad:", hbad, "second sum:", hs
    print "junk:", junk
    return 0

def target(driver, args):
    return entry_point, None
