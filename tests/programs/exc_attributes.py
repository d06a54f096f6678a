# Exception instances carry attributes and methods.

class InterpError(Exception):
    def __init__(self, msg, line):
        self.msg = msg
        self.line = line

    def format(self):
        return "line %d: %s" % (self.line, self.msg)

class NameErr(InterpError):
    def __init__(self, name, line):
        InterpError.__init__(self, "undefined name " + name, line)
        self.name = name

def check(names, defined):
    line = 1
    for n in names:
        if n not in defined:
            raise NameErr(n, line)
        line += 1
    return line

def entry_point(argv):
    defined = {"x": 1, "y": 2}
    try:
        check(["x", "y", "x"], defined)
        print "all defined"
        check(["x", "zz", "y"], defined)
    except NameErr as e:
        print e.format()
        print "name was", e.name
    err = InterpError("made by hand", 42)
    print err.format()
    try:
        raise err
    except InterpError as e2:
        print e2 is err, e2.line
    return 0

def target(driver, args):
    return entry_point, None
