# Integer arithmetic with Python's floor semantics for // and % on negatives.

def show(name, value):
    print name, value

def entry_point(argv):
    a = 17
    b = -5
    show("add", a + b)
    show("sub", a - b)
    show("mul", a * b)
    show("floordiv", a // b)
    show("mod", a % b)
    show("neg floordiv", -a // 5)
    show("neg mod", -a % 5)
    show("both neg //", -17 // -5)
    show("both neg %", -17 % -5)
    show("div", a / b)
    show("div2", -7 / 2)
    show("unary", -a)
    show("pos", +b)
    show("precedence", 2 + 3 * 4 - 10 // 3)
    show("parens", (2 + 3) * (4 - 10) // 3)
    x = 100
    x += 5
    x -= 10
    x *= 3
    x //= 4
    x %= 50
    show("augmented", x)
    return 0

def target(driver, args):
    return entry_point, None
