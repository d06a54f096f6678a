# GC stress: identity. Dicts keyed by instances hash them by identity, and
# compute_identity_hash must give an object the same hash for its whole
# life, even when a moving collector copies it out of the nursery. The
# program checks only properties that hold in every run: same object, same
# hash, before and after lots of allocation; instance-keyed dicts still find
# every value; distinct live objects are distinct keys. Hash values
# themselves are never printed.

from rpython.rlib.objectmodel import compute_identity_hash

class Key(object):
    def __init__(self, n):
        self.n = n

class Junk(object):
    def __init__(self, a, b):
        self.a = a
        self.b = b

def garbage(n, seed):
    t = 0
    prev = None
    for j in range(n):
        prev = Junk(seed + j, prev)
        if j % 50 == 0:
            prev = None
        t += j & 3
    return t

def entry_point(argv):
    nkeys = 4000
    keys = []
    hashes = []
    table = {}
    junk = 0
    # Keys hashed while young (many are still in the nursery when hashed and
    # inserted), with garbage allocated between them.
    for i in range(nkeys):
        k = Key(i)
        keys.append(k)
        hashes.append(compute_identity_hash(k))
        table[k] = i * 3
        if i % 10 == 0:
            junk += garbage(100, i)
    print "table size:", len(table)
    junk += garbage(300000, 7)

    same = 0
    found = 0
    for i in range(nkeys):
        k = keys[i]
        if compute_identity_hash(k) == hashes[i]:
            same += 1
        if table[k] == i * 3 and k in table:
            found += 1
    print "hash unchanged:", same, "of", nkeys
    print "found:", found, "of", nkeys

    # Fresh objects that are equal in content are still different keys.
    missing = 0
    for i in range(0, nkeys, 4):
        if Key(i) not in table:
            missing += 1
    print "fresh keys absent:", missing

    # Grow and shrink the table while allocating, with keys of every age.
    young = []
    for r in range(20):
        for i in range(200):
            k = Key(r * 1000 + i)
            young.append(k)
            table[k] = -k.n
        for i in range(r, nkeys, 20):
            k = keys[i]
            if k in table:
                del table[k]
        junk += garbage(20000, r)
    print "table size after churn:", len(table)
    good = 0
    for k in young:
        if table.get(k, 1) == -k.n:
            good += 1
    print "young keys found:", good, "of", len(young)
    gone = 0
    for k in keys:
        if k not in table:
            gone += 1
    print "old keys deleted:", gone

    # A second dict mapping objects to objects, looked up after more garbage.
    partner = {}
    for i in range(nkeys):
        partner[keys[i]] = keys[nkeys - 1 - i]
    junk += garbage(200000, 3)
    ok = 0
    for i in range(nkeys):
        if partner[keys[i]] is keys[nkeys - 1 - i] and partner[keys[i]].n == nkeys - 1 - i:
            ok += 1
    print "partners:", ok, "of", nkeys

    # Rounds of big instance-keyed dicts whose keys were hashed while young:
    # they survive some garbage (and get promoted), are checked, then dropped.
    round_ok = 0
    for r in range(6):
        batch = []
        batch_hashes = []
        d = {}
        for i in range(15000):
            k = Key(r * 100000 + i)
            batch.append(k)
            batch_hashes.append(compute_identity_hash(k))
            d[k] = i
        junk += garbage(30000, r)
        good = 0
        for i in range(len(batch)):
            k = batch[i]
            if d[k] == i and compute_identity_hash(k) == batch_hashes[i]:
                good += 1
        if good == len(batch) and len(d) == len(batch):
            round_ok += 1
    print "big rounds ok:", round_ok, "of 6"

    # Identity hashes still stable; distinct objects are distinct.
    same = 0
    for i in range(nkeys):
        if compute_identity_hash(keys[i]) == hashes[i]:
            same += 1
    print "hash unchanged at end:", same, "of", nkeys
    distinct = 0
    for i in range(1, nkeys):
        if keys[i] is not keys[i - 1]:
            distinct += 1
    print "distinct neighbours:", distinct
    print "junk:", junk
    return 0

def target(driver, args):
    return entry_point, None
