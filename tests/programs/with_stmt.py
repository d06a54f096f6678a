# The with statement over objects with __enter__ and __exit__.

class Log(object):
    def __init__(self):
        self.lines = []

    def add(self, line):
        self.lines.append(line)

class Section(object):
    def __init__(self, log, name):
        self.log = log
        self.name = name

    def __enter__(self):
        self.log.add("enter " + self.name)
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            self.log.add("exit " + self.name)
        else:
            self.log.add("exit " + self.name + " with exception")
        return False

class Oops(Exception):
    pass

def body(log, fail):
    with Section(log, "outer") as s:
        log.add("in " + s.name)
        with Section(log, "inner"):
            log.add("working")
            if fail:
                raise Oops
        log.add("after inner")

def entry_point(argv):
    log = Log()
    body(log, False)
    try:
        body(log, True)
    except Oops:
        log.add("caught Oops")
    for line in log.lines:
        print line
    return 0

def target(driver, args):
    return entry_point, None
