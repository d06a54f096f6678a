# List comprehensions with conditions and nested loops.

def entry_point(argv):
    n = len(argv) + 9
    squares = [i * i for i in range(n)]
    print squares
    evens = [x for x in squares if x % 2 == 0]
    print evens
    words = ["apple", "fig", "banana", "kiwi"]
    lengths = [len(w) for w in words]
    print lengths
    long_words = [w.upper() for w in words if len(w) > 3]
    print " ".join(long_words)
    pairs = [i * 10 + j for i in range(3) for j in range(3) if i != j]
    print pairs
    matrix = [[i * j for j in range(4)] for i in range(3)]
    for row in matrix:
        print row
    chars = [c for c in "h e l l o" if c != " "]
    print "".join(chars)
    return 0

def target(driver, args):
    return entry_point, None
