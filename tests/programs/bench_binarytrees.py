# Binary trees (from the Computer Language Benchmarks Game): allocate and
# walk many complete binary trees, keeping one long-lived tree. The maximum
# depth comes from the first argument (default 8).

class Node(object):
    def __init__(self, left, right):
        self.left = left
        self.right = right

def bottom_up_tree(depth):
    if depth > 0:
        depth -= 1
        return Node(bottom_up_tree(depth), bottom_up_tree(depth))
    return Node(None, None)

def item_check(node):
    if node.left is None:
        return 1
    return 1 + item_check(node.left) + item_check(node.right)

def entry_point(argv):
    n = 8
    if len(argv) > 1:
        n = int(argv[1])
    min_depth = 4
    max_depth = max(min_depth + 2, n)
    stretch_depth = max_depth + 1
    print "stretch tree of depth %d\t check: %d" % (stretch_depth,
                                                    item_check(bottom_up_tree(stretch_depth)))
    long_lived = bottom_up_tree(max_depth)
    depth = min_depth
    while depth <= max_depth:
        iterations = 1 << (max_depth - depth + min_depth)
        check = 0
        for i in range(iterations):
            check += item_check(bottom_up_tree(depth))
        print "%d\t trees of depth %d\t check: %d" % (iterations, depth, check)
        depth += 2
    print "long lived tree of depth %d\t check: %d" % (max_depth, item_check(long_lived))
    return 0

def target(driver, args):
    return entry_point, None
