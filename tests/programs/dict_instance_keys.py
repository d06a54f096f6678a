# Instances as dict keys are compared by identity.

class Node(object):
    def __init__(self, name):
        self.name = name

def entry_point(argv):
    a = Node("a")
    b = Node("b")
    a2 = Node("a")
    visited = {}
    visited[a] = 1
    visited[b] = 2
    print a in visited, a2 in visited, visited[b]
    visited[a2] = 3
    print len(visited), visited[a], visited[a2]
    edges = {a: [b], b: [a2], a2: []}
    n = a
    path = n.name
    while edges[n]:
        n = edges[n][0]
        path += "->" + n.name
    print path
    return 0

def target(driver, args):
    return entry_point, None
