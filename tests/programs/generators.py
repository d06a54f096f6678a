# Generator functions consumed by for loops.

def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

def evens(lst):
    for x in lst:
        if x % 2 == 0:
            yield x

def fib_gen(limit):
    a = 0
    b = 1
    while a < limit:
        yield a
        a, b = b, a + b

def words(s):
    current = ""
    for c in s:
        if c == " ":
            if current:
                yield current
            current = ""
        else:
            current += c
    if current:
        yield current

def entry_point(argv):
    total = 0
    for i in count_up(10):
        total += i
    print "sum", total
    out = []
    for x in evens([1, 2, 3, 4, 5, 6, 7, 8]):
        out.append(x)
    print out
    line = ""
    for f in fib_gen(100):
        line += str(f) + " "
    print line
    for w in words("  the quick  brown fox "):
        print "word", w
    return 0

def target(driver, args):
    return entry_point, None
