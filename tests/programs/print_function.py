# print() as a function (from __future__ import print_function), with end=.
from __future__ import print_function

def entry_point(argv):
    print("hello", "world")
    print("no newline", end="")
    print(" -- continued")
    for i in range(5):
        print(i, end=" ")
    print()
    print("a", 1, "b", end="!\n")
    print("")
    x = 7 * len(argv)
    print("x is", x)
    return 0

def target(driver, args):
    return entry_point, None
