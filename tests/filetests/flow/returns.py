# Return paths.

def fall_off_end(x):
    x = x + 1

def empty():
    pass

def early(x):
    if x:
        return 1
    x = x + 1

def only_in_loop(n):
    while n:
        return n
    return 0

def unreachable_after_return():
    return 1
    undefined_name_never_looked_up()
