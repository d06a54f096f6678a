# compute_hash gives the same numbers translated and untranslated: Python 2's
# str, float and tuple hashes (without randomization).

from rpython.rlib.objectmodel import compute_hash

def entry_point(argv):
    k = len(argv) - 1
    for s in ["", "a", "hello", "hello world" + argv[0][:0]]:
        print compute_hash(s)
    print compute_hash(42 + k), compute_hash(-7), compute_hash(True)
    for f in [0.0, 1.5, -2.25, 1e100, 3.141592653589793]:
        print compute_hash(f)
    print compute_hash((1, "a")), compute_hash(("x", 2.5, 3))
    return 0

def target(driver, args):
    return entry_point, None
