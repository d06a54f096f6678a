# Module-level int and str constants are constants of the program.

WIDTH = 8
HEIGHT = WIDTH * 2
NAME = "consts"
SEPARATOR = "-" * 10
MASK = (1 << 12) - 1

def entry_point(argv):
    print NAME, WIDTH, HEIGHT
    print SEPARATOR
    print MASK, MASK & 0x5A5
    return WIDTH - 8

def target(driver, args):
    return entry_point, None
