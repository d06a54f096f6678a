# Lists of ints: prebuilt with newlist, len() and bounds-checked indexing.
def entry_point(argv):
    xs = [1, 2, 3]
    return len(xs) + xs[0]

def target(driver, args):
    return entry_point, None
