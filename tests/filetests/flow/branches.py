# if/elif/else, and/or, conditional expressions, comparisons.

DEBUG = False
LEVEL = 3

def sign(n):
    if n > 0:
        return 1
    elif n < 0:
        return -1
    else:
        return 0

def if_no_else(x):
    y = 0
    if x:
        y = x + 1
    return y

def defined_on_both_paths(x):
    if x:
        r = 'yes'
    else:
        r = 'no'
    return r

def and_or(a, b, c):
    x = a and b
    y = a or b or c
    if a and not b:
        return x
    return y

def chained(a, b, c):
    return a < b <= c

def chained_in_if(a, b, c, d):
    if a == b != c is not d:
        return 1
    return 0

def membership(x, seq):
    if x in seq:
        return x not in seq
    return x is None

def ifexp(x):
    return 'big' if x > 10 else 'small'

def constant_conditions(x):
    if DEBUG:
        print 'debug', x
    if LEVEL > 2:
        x = x + 1
    while 0:
        x = x + 2
    if 1:
        x = x * 2
    return x if True else None

def not_of_constant():
    return not None, not DEBUG

def compare_ops(a, b):
    return a == b, a != b, a <> b, a >= b, a is b
