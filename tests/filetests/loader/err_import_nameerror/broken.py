X = 1


def compute():
    return undefined_name + X

Y = compute()
