# The sieve of Eratosthenes on a list of bools, with the limit from the
# first argument (default 1000).

def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    if limit >= 1:
        is_prime[1] = False
    i = 2
    while i * i <= limit:
        if is_prime[i]:
            j = i * i
            while j <= limit:
                is_prime[j] = False
                j += i
        i += 1
    return [n for n in range(limit + 1) if is_prime[n]]

def entry_point(argv):
    limit = 1000
    if len(argv) > 1:
        limit = int(argv[1])
    primes = sieve(limit)
    print "primes up to", limit, ":", len(primes)
    print primes[:10], primes[len(primes) - 3:]
    twins = 0
    for i in range(1, len(primes)):
        if primes[i] - primes[i - 1] == 2:
            twins += 1
    print "twin pairs:", twins
    gaps = [0] * 40
    for i in range(1, len(primes)):
        gap = primes[i] - primes[i - 1]
        if gap < 40:
            gaps[gap] += 1
    biggest = 0
    for g in range(40):
        if gaps[g] > 0:
            biggest = g
    print "largest gap:", biggest
    return 0

def target(driver, args):
    return entry_point, None
