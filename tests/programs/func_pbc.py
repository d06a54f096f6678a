# Several functions merged in one variable (a "PBC"): the same call site
# calls whichever function the variable holds at run time.

def op_add(a, b):
    return a + b

def op_sub(a, b):
    return a - b

def op_mul(a, b):
    return a * b

def op_max(a, b):
    if a > b:
        return a
    return b

TABLE = [op_add, op_sub, op_mul, op_max]
NAMES = ["add", "sub", "mul", "max"]

def run(code, a, b):
    return TABLE[code](a, b)

def entry_point(argv):
    for i in range(len(TABLE)):
        print NAMES[i], run(i, 7, 3)
    f = op_add
    if len(argv) > 5:
        f = op_sub
    print f(1, 2)
    acc = 1
    for code in [0, 2, 1, 2, 3]:
        acc = run(code, acc, 3)
    print "acc", acc
    g = op_mul
    for h in TABLE:
        if h is g:
            print "found op_mul in the table"
    return 0

def target(driver, args):
    return entry_point, None
