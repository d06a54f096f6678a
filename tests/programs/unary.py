# Unary operators.

def entry_point(argv):
    x = 5
    print -x, +x, ~x, not x, - -x, -(-x - 1)
    y = 0
    print not y, ~y, -y
    return 0

def target(driver, args):
    return entry_point, None
