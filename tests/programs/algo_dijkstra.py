# Dijkstra's shortest paths on a small weighted graph given as text, with
# a hand-written binary heap of (distance, node) pairs.

GRAPH = """
A B 7
A C 9
A F 14
B C 10
B D 15
C D 11
C F 2
D E 6
E F 9
F G 20
"""

class Heap(object):
    def __init__(self):
        self.dist = []
        self.node = []

    def push(self, d, n):
        self.dist.append(d)
        self.node.append(n)
        i = len(self.dist) - 1
        while i > 0:
            parent = (i - 1) // 2
            if self.dist[parent] <= self.dist[i]:
                break
            self.swap(i, parent)
            i = parent

    def swap(self, i, j):
        self.dist[i], self.dist[j] = self.dist[j], self.dist[i]
        self.node[i], self.node[j] = self.node[j], self.node[i]

    def pop(self):
        d = self.dist[0]
        n = self.node[0]
        last = len(self.dist) - 1
        self.swap(0, last)
        self.dist.pop()
        self.node.pop()
        i = 0
        size = len(self.dist)
        while True:
            smallest = i
            for child in [2 * i + 1, 2 * i + 2]:
                if child < size and self.dist[child] < self.dist[smallest]:
                    smallest = child
            if smallest == i:
                break
            self.swap(i, smallest)
            i = smallest
        return d, n

    def empty(self):
        return len(self.dist) == 0

def parse_graph(text):
    edges = {}
    for line in text.split("\n"):
        parts = line.split(" ")
        if len(parts) != 3:
            continue
        a = parts[0]
        b = parts[1]
        w = int(parts[2])
        edges.setdefault(a, []).append((b, w))
        edges.setdefault(b, []).append((a, w))
    return edges

def dijkstra(edges, source):
    dist = {source: 0}
    prev = {}
    heap = Heap()
    heap.push(0, source)
    while not heap.empty():
        d, n = heap.pop()
        if d > dist[n]:
            continue
        for m, w in edges.get(n, []):
            nd = d + w
            if m not in dist or nd < dist[m]:
                dist[m] = nd
                prev[m] = n
                heap.push(nd, m)
    return dist, prev

def path_to(prev, target):
    path = [target]
    while path[-1] in prev:
        path.append(prev[path[-1]])
    path.reverse()
    return "-".join(path)

def entry_point(argv):
    edges = parse_graph(GRAPH)
    dist, prev = dijkstra(edges, "A")
    for node in ["A", "B", "C", "D", "E", "F", "G"]:
        print node, dist[node], path_to(prev, node)
    return 0

def target(driver, args):
    return entry_point, None
