# JitDriver(reds='auto'): only the greens are passed to jit_merge_point.

from rpython.rlib.jit import JitDriver

sum_driver = JitDriver(greens=[], reds='auto')
poly_driver = JitDriver(greens=['degree'], reds='auto', name='poly')

def sum_squares(n):
    total = 0
    i = 0
    while i < n:
        sum_driver.jit_merge_point()
        total += i * i
        i += 1
    return total

def eval_poly(degree, x, steps):
    result = 0
    for s in range(steps):
        poly_driver.jit_merge_point(degree=degree)
        term = 1
        for d in range(degree):
            term *= x
        result += term + s
    return result

def entry_point(argv):
    print sum_squares(100), sum_squares(0)
    print eval_poly(3, 2, 10), eval_poly(0, 5, 4)
    return 0

def target(driver, args):
    return entry_point, None
