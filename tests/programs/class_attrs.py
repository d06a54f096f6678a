# Class attributes: shared defaults, overridden in subclasses and shadowed
# by instance attributes.

class Token(object):
    kind = "token"
    precedence = 0
    is_operator = False

    def __init__(self, text):
        self.text = text

    def describe(self):
        return "%s %s prec=%d" % (self.kind, self.text, self.precedence)

class Plus(Token):
    kind = "plus"
    precedence = 10
    is_operator = True

class Times(Token):
    kind = "times"
    precedence = 20
    is_operator = True

class Number(Token):
    kind = "number"

class Counted(object):
    limit = 3

    def __init__(self):
        self.uses = 0

    def use(self):
        self.uses += 1
        return self.uses <= self.limit

def entry_point(argv):
    tokens = [Number("1"), Plus("+"), Number("2"), Times("*"), Number("3")]
    ops = 0
    for t in tokens:
        print t.describe()
        if t.is_operator:
            ops += 1
    print "operators", ops
    print Token.kind, Plus.precedence, Times.kind
    c = Counted()
    results = []
    for i in range(5):
        if c.use():
            results.append(1)
        else:
            results.append(0)
    print results
    return 0

def target(driver, args):
    return entry_point, None
