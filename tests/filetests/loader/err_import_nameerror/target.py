import broken


def target(driver, args):
    return None
