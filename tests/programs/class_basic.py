# Classes with __init__, attributes and methods.

class Account(object):
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)

    def withdraw(self, amount):
        if amount > self.balance:
            return False
        self.balance -= amount
        self.history.append(-amount)
        return True

    def report(self):
        return "%s: %d (%d operations)" % (self.owner, self.balance, len(self.history))

class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next

def build(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    return head

def entry_point(argv):
    a = Account("ann", 100)
    a.deposit(50)
    if not a.withdraw(500):
        print "refused"
    a.withdraw(30)
    print a.report()
    b = Account("bob", 0)
    b.deposit(7)
    print b.report()
    node = build(5)
    values = []
    while node is not None:
        values.append(node.value)
        node = node.next
    print values
    return 0

def target(driver, args):
    return entry_point, None
