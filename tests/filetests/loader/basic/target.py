# Module-level values of every kind, and a target returning a tuple.
import os
import sys

COUNT = 3
NAME = 'basic'
RATIO = 2.5
BIG = 1 << 70
FLAGS = (True, False, None)
SQUARES = [i * i for i in range(COUNT)]
TABLE = {}
for i, word in enumerate(['zero', 'one', 'two']):
    TABLE[word] = i
MAXINT = sys.maxint
SEP = os.sep


def helper(x, y=10, *rest, **options):
    return x + y


def entry_point(argv):
    os.write(1, NAME + '\n')
    return helper(len(argv))


def target(driver, args):
    return entry_point, None

if __name__ == '__main__':
    raise SystemExit('not run: the target module is not __main__')
