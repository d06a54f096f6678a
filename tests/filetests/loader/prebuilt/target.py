# Prebuilt instances, class hierarchies, exception subclasses.


class Node(object):
    _immutable_fields_ = ['value', 'children[*]']

    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []


class Leaf(Node):
    def __init__(self, value):
        Node.__init__(self, value)


class OldStyle:
    kind = 'old'


class InterpError(Exception):
    def __init__(self, msg):
        self.msg = msg


class Halt(InterpError):
    pass

TREE = Node(1, [Leaf(2), Leaf(3)])
NONE_LEAF = Leaf(None)
BY_NAME = {'tree': TREE}
OLD = OldStyle()
ERROR = Halt('stop')


def entry_point(argv):
    try:
        raise ERROR
    except InterpError as e:
        return len(e.msg) + TREE.value
    return 0


def target(driver, args):
    driver.exe_name = 'prebuilt-%(backend)s'
    return entry_point, None
