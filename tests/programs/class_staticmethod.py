# staticmethod: called through the class and through instances.

class MathUtil(object):
    @staticmethod
    def clamp(x, lo, hi):
        if x < lo:
            return lo
        if x > hi:
            return hi
        return x

    @staticmethod
    def gcd(a, b):
        while b:
            a, b = b, a % b
        return a

    def __init__(self, lo, hi):
        self.lo = lo
        self.hi = hi

    def fit(self, x):
        return MathUtil.clamp(x, self.lo, self.hi)

class Parser(object):
    def parse(self, s):
        return Parser.digit_value(s[0]) * 10 + self.digit_value(s[1])

    @staticmethod
    def digit_value(c):
        return ord(c) - ord('0')

def entry_point(argv):
    print MathUtil.clamp(5, 0, 3), MathUtil.clamp(-5, 0, 3), MathUtil.clamp(2, 0, 3)
    print MathUtil.gcd(84, 36)
    m = MathUtil(10, 20)
    print m.fit(5), m.fit(15), m.fit(25)
    print Parser().parse("42")
    return 0

def target(driver, args):
    return entry_point, None
