# Pointers live across calls that can collect are kept on the shadow stack;
# stores of pointers into objects that may be old get a write barrier, stores
# into a just-allocated object do not.

class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next

def make(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    return head

def total(node):
    s = 0
    while node is not None:
        s += node.value
        node = node.next
    return s

def relink(a, b):
    a.next = b
    return a

def entry_point(argv):
    head = make(len(argv) + 10)
    keep = [head]
    other = make(3)
    relink(other, head)
    keep.append(other)
    print total(keep[0]) + total(keep[1])
    return 0

def target(*args):
    return entry_point, None
