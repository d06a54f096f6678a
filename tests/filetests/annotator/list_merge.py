# Two lists flowing into one variable share one listdef; its items generalize.

def pick(n):
    if n > 1:
        return [1, 2]
    return [True]

def entry_point(argv):
    xs = pick(len(argv))
    return xs[0]

def target(driver, args):
    return entry_point, None
