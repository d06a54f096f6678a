# Arithmetic on constants is folded; a branch on a folded comparison keeps
# only the taken path.
SIZE = 8

def area(x):
    w = SIZE * 2 + 1
    if w > 10:
        return x * w
    return x

def entry_point(argv):
    return area(len(argv)) - (7 // 2) - (-7 % 3)

def target(driver, args):
    return entry_point, None
