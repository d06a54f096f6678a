# How the dump shows each kind of value.
import math
from os import write


class Shape(object):
    sides = 0
    registry = {}

    def __init__(self, name):
        self.name = name

    @staticmethod
    def make(name):
        return Shape(name)

    @classmethod
    def kind(cls):
        return cls.__name__

    def _get_label(self):
        return self.name.upper()
    label = property(_get_label)


class Square(Shape):
    sides = 4

Shape.registry['square'] = Square
SQUARE = Square('sq')
BOUND = SQUARE.kind
UNICODE = u'caf\xe9'
FLOATS = [0.1, 1e22, -0.0, float('inf')]
LONG_LIST = range(20)
NESTED = {'a': {'b': {'c': {'d': [1]}}}}
PAIRS = set([(1, 2), (3, 4)])
EMPTY = ((), [], {}, set())
SINGLE = (1,)
BUILTINS = (len, math.sqrt, write, int, ValueError, object)
LAMBDA = lambda x, (y, z)=(1, 2): x
SQRT2 = math.sqrt(2)


def entry_point(argv):
    return SQUARE.sides


def target(driver, args):
    return entry_point, None
