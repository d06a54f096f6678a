# GCBench (Hans Boehm's, after John Ellis and Pete Kovac), in RPython.
#
# Builds a long-lived binary tree of depth 16 and a long-lived array of
# 500,000 floats, then for tree depths 4, 6, ..., 16 builds many short-lived
# trees, first top-down (children added to an existing node: old-to-young
# stores) and then bottom-up, enough of each to allocate about as many nodes
# as one tree of the stretch depth (the original: two). A first stretch tree of depth 18 sizes
# the heap. The original prints times; this version prints node counts and
# checksums so that its output is deterministic, and leaves timing to the
# caller.
#
# usage: gcbench [max_depth]   (default 16; the long-lived tree has the same
#                               depth and the stretch tree max_depth + 2)

class Node(object):
    def __init__(self, left, right):
        self.left = left
        self.right = right
        self.i = 0
        self.j = 0

def tree_size(depth):
    # Nodes in a complete binary tree of this depth.
    return (1 << (depth + 1)) - 1

def num_iters(depth, stretch_depth):
    # The original builds twice as many trees of each kind (2 * ...); half
    # keeps this run, untranslated on CPython 2.7, at about 15 s.
    return tree_size(stretch_depth) // tree_size(depth)

def populate(depth, node):
    # Top-down: the children are younger than the node they are stored into.
    # Returns the number of nodes added.
    if depth <= 0:
        return 0
    depth -= 1
    node.left = Node(None, None)
    node.right = Node(None, None)
    return 2 + populate(depth, node.left) + populate(depth, node.right)

def make_tree(depth):
    # Bottom-up.
    if depth <= 0:
        return Node(None, None)
    return Node(make_tree(depth - 1), make_tree(depth - 1))

def count(node):
    if node.left is None:
        return 1
    return 1 + count(node.left) + count(node.right)

def time_construction(depth, stretch_depth):
    iters = num_iters(depth, stretch_depth)
    created = 0
    checked = 0
    for i in range(iters):
        temp = Node(None, None)
        created += 1 + populate(depth, temp)
        temp.i = i
        if i == iters - 1:
            checked += count(temp)
    for i in range(iters):
        temp = make_tree(depth)
        created += tree_size(depth)
        if i == iters - 1:
            checked += count(temp)
    print "depth %d: %d top-down and %d bottom-up trees, %d nodes, check %d" % (
        depth, iters, iters, created, checked)
    return created

def entry_point(argv):
    max_depth = 16
    if len(argv) > 1:
        max_depth = int(argv[1])
    min_depth = 4
    long_lived_depth = max_depth
    stretch_depth = max_depth + 2
    array_size = 500000

    print "Garbage Collector Test"
    print "Stretching memory with a binary tree of depth %d" % stretch_depth
    stretch = make_tree(stretch_depth)
    print "stretch tree nodes: %d" % count(stretch)
    stretch = None

    print "Creating a long-lived binary tree of depth %d" % long_lived_depth
    long_lived = Node(None, None)
    populate(long_lived_depth, long_lived)

    print "Creating a long-lived array of %d doubles" % array_size
    array = [0.0] * array_size
    for i in range(1, array_size // 2):
        array[i] = 1.0 / i

    total = 0
    depth = min_depth
    while depth <= max_depth:
        total += time_construction(depth, stretch_depth)
        depth += 2

    if long_lived is None or array[1000] != 1.0 / 1000:
        print "Failed"
        return 1
    s = 0.0
    for x in array:
        s += x
    print "long-lived tree nodes: %d" % count(long_lived)
    print "long-lived array sum x 1e6: %d" % int(s * 1000000.0)
    print "total temporary nodes: %d" % total
    return 0

def target(driver, args):
    return entry_point, None
