# compute_hash, compute_identity_hash and compute_unique_id. The values
# differ between runs and implementations, so the program prints only their
# properties.

from rpython.rlib.objectmodel import compute_hash, compute_identity_hash, compute_unique_id

class Obj(object):
    pass

def entry_point(argv):
    s1 = "hello" + argv[0][:0]
    s2 = "hel" + "lo"
    print compute_hash(s1) == compute_hash(s2)
    print compute_hash(42) == compute_hash(42), compute_hash(7) == 7
    print compute_hash((1, "a")) == compute_hash((1, "a"))
    a = Obj()
    b = Obj()
    print compute_identity_hash(a) == compute_identity_hash(a)
    print compute_unique_id(a) == compute_unique_id(a), compute_unique_id(a) != compute_unique_id(b)
    print compute_hash(a) == compute_identity_hash(a)
    print compute_hash(1.5) == compute_hash(1.5)
    return 0

def target(driver, args):
    return entry_point, None
