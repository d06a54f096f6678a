CONST = 7


def double(x):
    return x * 2
