# Which lists are resized: append, pop, del and += resize a list (and every
# list merged with it); a + b and a * n make a new list, leaving a and b
# fixed-size.
def grow(xs):
    xs.append(len(xs))

def entry_point(argv):
    fixed = [1, 2]
    other = [3]
    both = fixed + other * 2
    grow(both)
    shrunk = [4, 5]
    del shrunk[0]
    extended = [6]
    extended += [7]
    return fixed[0] + other[0] + both[0] + shrunk[0] + extended[0]

def target(driver, args):
    return entry_point, None
