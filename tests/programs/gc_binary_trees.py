# GC stress: binary trees. A long-lived tree survives while many temporary
# trees of depth 4..14 are built and dropped, so a generational collector runs
# many minor collections while the long-lived tree and the partly built
# temporaries are reachable only from the stack and from old objects. A ring
# of recent trees (of depth 10 at most), stored into an old list, keeps them
# alive long enough to be promoted and then drops them, and now and then a
# 128 KiB string (a large object) goes with them, so the old generation
# fills with garbage and major collections run too. Node counts and
# checksums are verified.

class Node(object):
    def __init__(self, left, right, value):
        self.left = left
        self.right = right
        self.value = value

def bottom_up(depth, value):
    if depth <= 0:
        return Node(None, None, value)
    return Node(bottom_up(depth - 1, 2 * value - 1), bottom_up(depth - 1, 2 * value), value)

def count(node):
    if node.left is None:
        return 1
    return 1 + count(node.left) + count(node.right)

def check(node):
    # The two children of v hold 2v-1 and 2v, so this is deterministic and
    # detects a node overwritten or lost by a collector.
    if node.left is None:
        return node.value
    return node.value + check(node.left) - check(node.right)

def expected_nodes(depth):
    return (1 << (depth + 1)) - 1

def entry_point(argv):
    max_depth = 14
    min_depth = 4
    long_lived = bottom_up(max_depth, 0)
    print "long lived nodes:", count(long_lived), "check:", check(long_lived)
    ring_size = 24
    ring = [None] * ring_size
    ring_depth = [0] * ring_size
    ring_payload = [""] * ring_size
    errors = 0
    total = 0
    depth = min_depth
    while depth <= max_depth:
        iterations = 1 << (max_depth - depth + min_depth - 2)
        nodes = 0
        chk = 0
        for i in range(iterations):
            t = bottom_up(depth, i)
            nodes += expected_nodes(depth)
            if i % 4 == 0:
                if count(t) != expected_nodes(depth):
                    errors += 1
            if i % 16 == 0:
                chk += check(t)
            if i % 3 == 0 and depth <= 10:
                slot = (i // 3) % ring_size
                ring[slot] = t
                ring_depth[slot] = depth
                if (i // 3) % 7 == 0:
                    ring_payload[slot] = chr(ord('a') + (depth + i) % 26) * 131072
        ring_nodes = 0
        for k in range(ring_size):
            t = ring[k]
            if t is not None:
                c = count(t)
                if c != expected_nodes(ring_depth[k]):
                    errors += 1
                ring_nodes += c
        payload_sum = 0
        for k in range(ring_size):
            p = ring_payload[k]
            if len(p) > 0:
                payload_sum += ord(p[0]) + ord(p[len(p) - 1]) + len(p)
        total += nodes
        print "depth %d: %d trees, %d nodes, check %d, ring holds %d nodes, payload %d" % (
            depth, iterations, nodes, chk, ring_nodes, payload_sum)
        depth += 2
    print "long lived nodes:", count(long_lived), "check:", check(long_lived)
    print "total temporary nodes:", total
    print "errors:", errors
    return 0

def target(driver, args):
    return entry_point, None
