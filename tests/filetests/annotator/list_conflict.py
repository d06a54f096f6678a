def entry_point(argv):
    if len(argv) > 1:
        xs = [1]
    else:
        xs = ["a"]
    return len(xs)

def target(driver, args):
    return entry_point, None
