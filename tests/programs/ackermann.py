# Deep recursion with the Ackermann function.

def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))

def entry_point(argv):
    print ack(2, 3), ack(3, 3), ack(3, 5)
    return 0

def target(driver, args):
    return entry_point, None
