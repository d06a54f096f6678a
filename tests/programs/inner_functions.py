# Inner functions and lambdas that capture nothing from the enclosing scope.

def outer(n):
    def helper(x):
        return x * x + 1
    total = 0
    for i in range(n):
        total += helper(i)
    return total

def make_adder_table():
    def inc(x):
        return x + 1
    def dec(x):
        return x - 1
    return [inc, dec]

def apply(f, x):
    return f(x)

def entry_point(argv):
    print outer(5)
    table = make_adder_table()
    print table[0](10), table[1](10)
    square = lambda x: x * x
    print square(9)
    print apply(lambda x: x + 100, 5)
    print apply(square, 12)
    return 0

def target(driver, args):
    return entry_point, None
