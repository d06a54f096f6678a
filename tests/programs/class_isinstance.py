# isinstance() against classes of a hierarchy, and None.

class Expr(object):
    pass

class Num(Expr):
    def __init__(self, value):
        self.value = value

class BinOp(Expr):
    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right

class Add(BinOp):
    def __init__(self, left, right):
        BinOp.__init__(self, "+", left, right)

class Mul(BinOp):
    def __init__(self, left, right):
        BinOp.__init__(self, "*", left, right)

def evaluate(e):
    if isinstance(e, Num):
        return e.value
    elif isinstance(e, Add):
        return evaluate(e.left) + evaluate(e.right)
    elif isinstance(e, Mul):
        return evaluate(e.left) * evaluate(e.right)
    raise ValueError

def show(e):
    if isinstance(e, Num):
        return str(e.value)
    assert isinstance(e, BinOp)
    return "(" + show(e.left) + " " + e.op + " " + show(e.right) + ")"

def kinds(e):
    out = ""
    if isinstance(e, Expr):
        out += "E"
    if isinstance(e, BinOp):
        out += "B"
    if isinstance(e, Num):
        out += "N"
    return out

def entry_point(argv):
    e = Add(Num(2), Mul(Num(3), Add(Num(4), Num(5))))
    print show(e), "=", evaluate(e)
    print kinds(e), kinds(Num(1)), kinds(Mul(Num(1), Num(1)))
    x = None
    if len(argv) > 3:
        x = Num(1)
    print isinstance(x, Num), x is None
    return 0

def target(driver, args):
    return entry_point, None
