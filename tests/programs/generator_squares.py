# A generator consumed by a for loop; the sum is the exit status.

def squares(n):
    i = 0
    while i < n:
        yield i * i
        i += 1

def entry_point(argv):
    total = 0
    for x in squares(len(argv)):
        total += x
    return total

def target(driver, args):
    return entry_point, None
