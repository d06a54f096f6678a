# try/finally: the finally clause runs on normal exit, on exceptions and on
# break/continue/return.

class Stop(Exception):
    pass

def work(n, log):
    try:
        log.append("start %d" % n)
        if n == 2:
            raise Stop
        log.append("end %d" % n)
    finally:
        log.append("cleanup %d" % n)

def loop_with_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(-i)
    return out

def entry_point(argv):
    log = []
    for n in range(4):
        try:
            work(n, log)
        except Stop:
            log.append("caught %d" % n)
    for line in log:
        print line
    print loop_with_finally()
    try:
        try:
            raise Stop
        finally:
            print "inner finally"
    except Stop:
        print "outer caught"
    return 0

def target(driver, args):
    return entry_point, None
