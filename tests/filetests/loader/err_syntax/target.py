import bad


def target(driver, args):
    return None
