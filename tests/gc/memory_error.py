# Allocates without bound until the heap limit (RPY_GC_MAX_HEAP) is reached:
# the allocation raises MemoryError, which the program catches. (Not run
# under CPython: it would take all the memory of the machine.)

class Node(object):
    def __init__(self, next, payload):
        self.next = next
        self.payload = payload


def entry_point(argv):
    head = None
    count = 0
    try:
        while True:
            head = Node(head, [count] * 100)
            count += 1
    except MemoryError:
        head = None
        print "MemoryError caught"
    # The heap is usable again once the data is dropped.
    total = 0
    for i in range(1000):
        total += len([i] * 10)
    print "after:", total
    return 0


def target(*args):
    return entry_point, None
