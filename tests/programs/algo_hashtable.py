# A hash table with open addressing and linear probing, written by hand
# over lists (keys are strings, values ints), with resizing and deletion
# by tombstones.

EMPTY = 0
USED = 1
DELETED = 2

def str_hash(s):
    h = 5381
    for c in s:
        h = ((h << 5) + h + ord(c)) & 0x7fffffff
    return h

class HashTable(object):
    def __init__(self, capacity):
        self.state = [EMPTY] * capacity
        self.keys = [""] * capacity
        self.values = [0] * capacity
        self.count = 0
        self.resizes = 0

    def find_slot(self, key):
        cap = len(self.state)
        i = str_hash(key) % cap
        first_deleted = -1
        while True:
            st = self.state[i]
            if st == EMPTY:
                if first_deleted >= 0:
                    return first_deleted
                return i
            if st == DELETED:
                if first_deleted < 0:
                    first_deleted = i
            elif self.keys[i] == key:
                return i
            i = (i + 1) % cap

    def put(self, key, value):
        if (self.count + 1) * 3 > len(self.state) * 2:
            self.grow()
        i = self.find_slot(key)
        if self.state[i] != USED or self.keys[i] != key:
            self.count += 1
        self.state[i] = USED
        self.keys[i] = key
        self.values[i] = value

    def get(self, key, default):
        i = self.find_slot(key)
        if self.state[i] == USED and self.keys[i] == key:
            return self.values[i]
        return default

    def remove(self, key):
        i = self.find_slot(key)
        if self.state[i] == USED and self.keys[i] == key:
            self.state[i] = DELETED
            self.count -= 1
            return True
        return False

    def grow(self):
        old_state = self.state
        old_keys = self.keys
        old_values = self.values
        cap = len(old_state) * 2
        self.state = [EMPTY] * cap
        self.keys = [""] * cap
        self.values = [0] * cap
        self.count = 0
        self.resizes += 1
        for i in range(len(old_state)):
            if old_state[i] == USED:
                self.put(old_keys[i], old_values[i])

def entry_point(argv):
    t = HashTable(4)
    for i in range(100):
        t.put("key%d" % i, i * i)
    print t.count, t.resizes, len(t.state)
    print t.get("key7", -1), t.get("key99", -1), t.get("nope", -1)
    removed = 0
    for i in range(0, 100, 3):
        if t.remove("key%d" % i):
            removed += 1
    print removed, t.count, t.remove("key0"), t.get("key3", -1), t.get("key4", -1)
    t.put("key3", 333)
    print t.get("key3", -1), t.count
    total = 0
    for i in range(100):
        total += t.get("key%d" % i, 0)
    print total
    return 0

def target(driver, args):
    return entry_point, None
