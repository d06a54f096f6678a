# JIT decorators on functions: elidable (and its old name purefunction),
# dont_look_inside, unroll_safe, look_inside_iff, loop_invariant, oopspec
# and not_in_trace. Untranslated and without the JIT they change nothing.

from rpython.rlib import jit

@jit.elidable
def table_lookup(table, key):
    for i in range(len(table)):
        if table[i] == key:
            return i
    return -1

@jit.purefunction
def square(x):
    return x * x

@jit.dont_look_inside
def opaque_sum(lst):
    total = 0
    for x in lst:
        total += x
    return total

@jit.unroll_safe
def small_product(lst):
    p = 1
    for x in lst:
        p *= x
    return p

@jit.look_inside_iff(lambda n: jit.isconstant(n))
def triangle(n):
    total = 0
    for i in range(n + 1):
        total += i
    return total

class Counter(object):
    def __init__(self):
        self.calls = 0

COUNTER = Counter()

@jit.loop_invariant
def get_counter():
    return COUNTER

@jit.oopspec("demo.add_one(x)")
def add_one(x):
    return x + 1

@jit.not_in_trace
def note_call(n):
    get_counter().calls += n

def entry_point(argv):
    table = ["zero", "one", "two", "three"]
    print table_lookup(table, "two"), table_lookup(table, "nine")
    print square(12), opaque_sum([1, 2, 3, 4]), small_product([2, 3, 4])
    print triangle(10), triangle(len(argv))
    print add_one(41)
    for i in range(5):
        note_call(i)
    print get_counter().calls
    return 0

def target(driver, args):
    return entry_point, None
