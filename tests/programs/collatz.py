# The longest Collatz chain below a bound.

def chain_length(n):
    steps = 1
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps

def entry_point(argv):
    best = 0
    best_start = 0
    start = 1
    while start < 30000:
        length = chain_length(start)
        if length > best:
            best = length
            best_start = start
        start += 1
    print "longest chain below 30000 starts at", best_start, "with", best, "steps"
    return 0

def target(driver, args):
    return entry_point, None
