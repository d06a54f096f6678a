# A list never resized is a bare array: newlist allocates only the array,
# len() reads its size, indexing needs no indirection. A resized list is a
# {length, items} struct.
def entry_point(argv):
    xs = [1, 2, 3]
    ys = [4]
    ys.append(len(xs))
    return len(xs) + xs[0] + ys[1]

def target(driver, args):
    return entry_point, None
