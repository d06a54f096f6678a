# Attributes generalize to the common base; methods through a base-typed
# variable; isinstance narrows; prebuilt instances; class attribute defaults.

class Base(object):
    scale = 1

    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x * self.scale


class Left(Base):
    scale = 2


class Right(Base):
    def get(self):
        return -self.x

    def extra(self):
        return 7


PREBUILT = Left(5)


def pick(n):
    if n:
        return Left(n)
    return Right(n)


def entry_point(argv):
    o = pick(len(argv))
    t = o.get()
    if isinstance(o, Right):
        t += o.extra()
    return t + PREBUILT.get()


def target(driver, args):
    return entry_point, None
