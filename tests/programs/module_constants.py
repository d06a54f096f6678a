# Module-level globals (ints, strings, tuples, lists, dicts, instances) are
# constants of the program once import is done.

SIZE = 4
NAMES = ["zero", "one", "two", "three"]
PRIMES = (2, 3, 5, 7, 11)
PRIMES_LIST = list(PRIMES)
SQUARES = [i * i for i in range(SIZE)]
LOOKUP = {"a": 1, "b": 2, "c": 3}
GREETING = "hello" + " " + "world"

def _build_table():
    # runs at import time, so it may use any Python
    table = {}
    for i in range(10):
        table[i] = str(i) * i
    return table

TABLE = _build_table()

class Config(object):
    def __init__(self, name, level):
        self.name = name
        self.level = level

DEFAULT = Config("default", 3)

def entry_point(argv):
    print SIZE, GREETING
    for i in range(SIZE):
        print i, NAMES[i], SQUARES[i]
    total = 0
    for i in range(len(PRIMES_LIST)):
        total += PRIMES_LIST[i]
    print "primes", len(PRIMES), total, PRIMES[-1]
    print LOOKUP["b"], "c" in LOOKUP, "z" in LOOKUP
    print TABLE[3], TABLE[5], len(TABLE)
    print DEFAULT.name, DEFAULT.level
    return 0

def target(driver, args):
    return entry_point, None
