# A long-running integer loop.

def sum_to(n):
    total = 0
    i = 0
    while i < n:
        total += i * 3 % 7
        i += 1
    return total

def entry_point(argv):
    print sum_to(3000000)
    return 0

def target(driver, args):
    return entry_point, None
