# Dicts with int keys (including negative and large ones) as sparse arrays.

def entry_point(argv):
    sparse = {}
    sparse[0] = 1
    sparse[-5] = 2
    sparse[1000000] = 3
    sparse[-9223372036854775807] = 4
    total = 0
    for k in [0, -5, 1000000, -9223372036854775807, 7]:
        total += sparse.get(k, 100)
    print total, len(sparse)
    fib = {0: 0, 1: 1}
    for i in range(2, 60):
        fib[i] = fib[i - 1] + fib[i - 2]
    print fib[59], len(fib)
    squares = {}
    for i in range(-3, 4):
        squares[i] = i * i
    print squares[-3] + squares[3], squares[0]
    return 0

def target(driver, args):
    return entry_point, None
