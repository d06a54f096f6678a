# unrolling_iterable: a loop over a constant list of functions or tuples
# that is unrolled at translation time.

from rpython.rlib.unroll import unrolling_iterable

def op_add(a, b):
    return a + b

def op_sub(a, b):
    return a - b

def op_mul(a, b):
    return a * b

OPS = unrolling_iterable([("add", op_add), ("sub", op_sub), ("mul", op_mul)])
SIZES = unrolling_iterable([1, 2, 4, 8])

def dispatch(name, a, b):
    for opname, func in OPS:
        if opname == name:
            return func(a, b)
    return -1

def sum_sizes(n):
    total = 0
    for size in SIZES:
        if size <= n:
            total += size
    return total

def entry_point(argv):
    for name in ["add", "sub", "mul", "div"]:
        print name, dispatch(name, 7, 3)
    print sum_sizes(5), sum_sizes(100), sum_sizes(0)
    return 0

def target(driver, args):
    return entry_point, None
