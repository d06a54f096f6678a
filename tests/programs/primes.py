# Counting primes by trial division.

def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True

def entry_point(argv):
    count = 0
    n = 0
    last = 0
    while n < 20000:
        if is_prime(n):
            count += 1
            last = n
        n += 1
    print "primes below 20000:", count, "largest:", last
    return 0

def target(driver, args):
    return entry_point, None
