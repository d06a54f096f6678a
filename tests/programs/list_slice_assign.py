# Assigning to a slice with a list of the same length.

def entry_point(argv):
    lst = range(8)
    lst[2:4] = [20, 30]
    print lst
    lst[0:3] = [7, 7, 7]
    print lst
    lst[5:8] = [50, 60, 70]
    print lst
    window = [0] * 6
    src = [1, 2, 3]
    for start in range(0, 6, 3):
        window[start:start + 3] = src
    print window
    return 0

def target(driver, args):
    return entry_point, None
