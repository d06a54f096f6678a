# Lists that are never resized are fixed-size arrays; the others stay
# resizable. Both kinds meet in copies, comparisons, joins, extend and print.

PRIMES = [2, 3, 5, 7, 11]          # prebuilt, never resized
NAMES = ["zero", "one", "two"]     # prebuilt, never resized
LOG = []                           # prebuilt, resized


class Frame(object):
    def __init__(self, size):
        self.stack = [0] * size    # the classic fixed-size value stack
        self.sp = 0

    def push(self, x):
        self.stack[self.sp] = x
        self.sp += 1

    def pop(self):
        self.sp -= 1
        return self.stack[self.sp]


def total(xs):
    s = 0
    for x in xs:
        s += x
    return s


def entry_point(argv):
    f = Frame(8)
    for i in range(5):
        f.push(i * i)
    print f.pop() + f.pop(), len(f.stack)

    grid = [[0] * 3 for i in range(3)]     # outer resized, rows fixed
    for i in range(3):
        grid[i][i] = i + 1
    print grid

    words = "a bb ccc".split(" ")          # never resized
    print "-".join(words), len(words), words[-1]
    growing = "x y".split(" ")
    growing.append("z")
    print growing

    r = range(4)                           # fixed
    print r, total(r), 3 in r, r.index(2), r.count(1)
    back = []
    for x in reversed(r):
        back.append(x)
    print back, back == [3, 2, 1, 0], r == [0, 1, 2, 3], r != back

    copy = list(PRIMES)                    # resizable copy of a fixed list
    copy.append(13)
    print copy, PRIMES[1:3], PRIMES[-1], total(PRIMES)
    both = PRIMES + [17, 19]               # fixed + fixed
    print both, len(both), both * 2 == both + both
    copy.extend(both)
    copy += PRIMES
    print len(copy), copy[-1]

    mid = PRIMES[:]
    mid[1:3] = [30, 50]
    mid.reverse()
    print mid, PRIMES

    for n in NAMES:
        LOG.append(n.upper())
    print LOG, NAMES[len(argv) - 1]

    d = {1: "a", 2: "b"}
    keys = d.keys()                        # fixed
    print keys, d.values()

    try:
        print PRIMES[5]
    except IndexError:
        print "IndexError", len(PRIMES)
    try:
        f.stack[-9] = 1
    except IndexError:
        print "IndexError on store"
    return 0


def target(*args):
    return entry_point, None
