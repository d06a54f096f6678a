# *args in function definitions: extra positional arguments arrive as a
# tuple (specialized for each number of arguments, so calls with the same
# number of arguments must pass the same types; RPython indexes such a
# tuple with constants only).

def count_args(*args):
    return len(args)

def first_and_rest(first, *rest):
    total = first
    if len(rest) > 0:
        total += rest[0]
    if len(rest) > 1:
        total += rest[1]
    return total * 10 + len(rest)

def join3(sep, *words):
    return words[0] + sep + words[1] + sep + words[2]

def pick(*args):
    return args[1]

def forward(*args):
    return count_args(*args)

def entry_point(argv):
    print count_args(), count_args(1), count_args(1, 2, 3)
    print first_and_rest(1), first_and_rest(1, 2), first_and_rest(1, 2, 3)
    print join3("-", "a", "b", "c")
    print join3(", ", "x", "y", "z")
    print pick(10, 20, 30), pick("x", "y")
    print forward(4, 5, 6), forward()
    return 0

def target(driver, args):
    return entry_point, None
