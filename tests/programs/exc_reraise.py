# A bare raise re-raises the exception being handled.

class AppError(Exception):
    def __init__(self, code):
        self.code = code

def inner(n):
    if n > 2:
        raise AppError(n)
    return n

def middle(n, log):
    try:
        return inner(n)
    except AppError:
        log.append("middle saw an error")
        raise

def entry_point(argv):
    log = []
    for n in [1, 5]:
        try:
            r = middle(n, log)
            print "result", r
        except AppError as e:
            print "outer caught code", e.code
    print len(log), log[0]
    try:
        try:
            [1][3]
        except IndexError:
            print "first handler"
            raise
    except IndexError:
        print "re-raised IndexError caught"
    return 0

def target(driver, args):
    return entry_point, None
