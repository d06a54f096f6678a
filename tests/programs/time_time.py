# time.time() and time.clock() return floats; the program checks only that
# time moves forward.

import time

def busy(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total

def entry_point(argv):
    t0 = time.time()
    print t0 > 1000000000.0
    print busy(100000)
    t1 = time.time()
    print t1 >= t0, t1 - t0 < 60.0
    c = time.clock()
    print c >= 0.0
    return 0

def target(driver, args):
    return entry_point, None
