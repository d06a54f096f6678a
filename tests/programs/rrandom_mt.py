# rrandom.Random: the Mersenne Twister, giving the same sequence as
# CPython's random module for the same seed.

from rpython.rlib.rrandom import Random
from rpython.rlib.rfloat import formatd

def entry_point(argv):
    r = Random(42)
    for i in range(5):
        print formatd(r.random(), "r", 0)
    r2 = Random(12345)
    counts = [0] * 6
    for i in range(6000):
        counts[int(r2.random() * 6)] += 1
    print counts
    r3 = Random(7)
    words = []
    for i in range(4):
        words.append(str(r3.genrand32()))
    print " ".join(words)
    return 0

def target(driver, args):
    return entry_point, None
