# conditional_call(cond, f, *args) calls f only when cond is true;
# conditional_call_elidable(value, f, *args) returns value unless it is
# 0 or None, else f(*args).

from rpython.rlib import jit

class Log(object):
    def __init__(self):
        self.entries = []

LOG = Log()

def record(n):
    LOG.entries.append(n)

class Cache(object):
    def __init__(self):
        self.cached_len = 0
        self.computed = 0

    def compute(self, s):
        self.computed += 1
        return len(s) * 10

def get_len(cache, s):
    return jit.conditional_call_elidable(cache.cached_len, compute_and_store, cache, s)

def compute_and_store(cache, s):
    v = cache.compute(s)
    cache.cached_len = v
    return v

def entry_point(argv):
    for i in range(10):
        jit.conditional_call(i % 3 == 0, record, i)
    print LOG.entries
    c = Cache()
    print get_len(c, "hello"), get_len(c, "hello"), get_len(c, "hello")
    print c.computed
    return 0

def target(driver, args):
    return entry_point, None
