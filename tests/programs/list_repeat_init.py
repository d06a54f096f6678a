# [x] * n to preallocate lists, including lists of lists built correctly.

def entry_point(argv):
    n = len(argv) + 4
    counts = [0] * n
    for x in [1, 3, 3, 4, 1, 1, 0]:
        counts[x] += 1
    print counts
    flags = [False] * n
    flags[2] = True
    print flags[2], flags[3]
    names = [""] * 3
    names[0] = "x"
    print "|".join(names)
    grid = [None] * 3
    for i in range(3):
        grid[i] = [i] * 3
    grid[0][0] = 9
    for row in grid:
        print row
    shared = [[0] * 2] * 2
    shared[0][0] = 1
    print shared[1][0]
    return 0

def target(driver, args):
    return entry_point, None
