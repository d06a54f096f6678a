# A singly linked list class with push, pop, reverse, iteration via
# __iter__/next, len and indexing via __getitem__.

class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next

class LinkedList(object):
    def __init__(self):
        self.head = None
        self.size = 0

    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def pop(self):
        node = self.head
        if node is None:
            raise IndexError
        self.head = node.next
        self.size -= 1
        return node.value

    def reverse(self):
        prev = None
        cur = self.head
        while cur is not None:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev

    def __len__(self):
        return self.size

    def __getitem__(self, i):
        node = self.head
        while i > 0 and node is not None:
            node = node.next
            i -= 1
        if node is None:
            raise IndexError
        return node.value

    def __iter__(self):
        return ListIter(self.head)

class ListIter(object):
    def __init__(self, node):
        self.node = node

    def next(self):
        node = self.node
        if node is None:
            raise StopIteration
        self.node = node.next
        return node.value

def get_at(lst, i):
    return lst[i]

def to_str(lst):
    parts = []
    for v in lst:
        parts.append(str(v))
    return "(" + " ".join(parts) + ")"

def entry_point(argv):
    lst = LinkedList()
    for i in range(6):
        lst.push(i * i)
    print to_str(lst), len(lst)
    lst.reverse()
    print to_str(lst), lst[0], lst[5]
    print lst.pop(), lst.pop(), len(lst)
    try:
        get_at(lst, 10)
    except IndexError:
        print "index out of range"
    while len(lst) > 0:
        lst.pop()
    print to_str(lst)
    try:
        lst.pop()
    except IndexError:
        print "pop from empty list"
    return 0

def target(driver, args):
    return entry_point, None
