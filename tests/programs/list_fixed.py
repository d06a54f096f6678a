# Lists that are never resized (fixed-size arrays) versus resizable ones.

def make_table(n):
    table = [0] * n
    for i in range(n):
        table[i] = i * i
    return table

def dot(a, b):
    total = 0
    for i in range(len(a)):
        total += a[i] * b[i]
    return total

def entry_point(argv):
    t = make_table(6)
    print t, len(t)
    u = [1, 2, 3, 4, 5, 6]
    print dot(t, u)
    t[0] = 100
    print t[0], t[-1]
    growing = [1]
    for i in range(5):
        growing.append(growing[-1] * 2)
    print growing
    return 0

def target(driver, args):
    return entry_point, None
