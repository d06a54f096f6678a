code = "x = 1"
exec code


def target(driver, args):
    return None
