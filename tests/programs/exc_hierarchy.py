# A hierarchy of exception classes: an except clause catches subclasses.

class ParseError(Exception):
    def __init__(self, msg, pos):
        self.msg = msg
        self.pos = pos

class UnexpectedChar(ParseError):
    pass

class UnexpectedEnd(ParseError):
    pass

def parse_digits(s):
    if not s:
        raise UnexpectedEnd("empty input", 0)
    n = 0
    for i in range(len(s)):
        c = s[i]
        if not c.isdigit():
            raise UnexpectedChar("bad char " + c, i)
        n = n * 10 + ord(c) - ord('0')
    return n

def describe(e):
    if isinstance(e, UnexpectedChar):
        return "UnexpectedChar"
    elif isinstance(e, UnexpectedEnd):
        return "UnexpectedEnd"
    return "ParseError"

def entry_point(argv):
    for s in ["123", "12a4", "", "7"]:
        try:
            n = parse_digits(s)
            print "ok", n
        except ParseError as e:
            print describe(e), e.msg, "at", e.pos
    try:
        parse_digits("x")
    except UnexpectedEnd:
        print "wrong handler"
    except Exception:
        print "caught as Exception"
    try:
        raise UnexpectedEnd("direct", 5)
    except UnexpectedChar:
        print "wrong"
    except ParseError as e:
        print "base handler", e.pos
    return 0

def target(driver, args):
    return entry_point, None
