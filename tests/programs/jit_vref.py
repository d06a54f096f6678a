# virtual_ref and virtual_ref_finish: a frame chain where callers keep a
# virtual reference to the current frame, as PyPy's executioncontext does.

from rpython.rlib import jit

class Frame(object):
    def __init__(self, name, depth):
        self.name = name
        self.depth = depth

class ExecutionContext(object):
    def __init__(self):
        self.topframeref = jit.vref_None
        self.max_depth = 0

    def enter(self, frame):
        self.topframeref = jit.virtual_ref(frame)
        if frame.depth > self.max_depth:
            self.max_depth = frame.depth

    def leave(self, frame, back):
        jit.virtual_ref_finish(self.topframeref, frame)
        self.topframeref = back

EC = ExecutionContext()

def call(depth):
    frame = Frame("f%d" % depth, depth)
    back = EC.topframeref
    EC.enter(frame)
    try:
        top = EC.topframeref()
        result = len(top.name)
        if depth < 5:
            result += call(depth + 1)
        return result
    finally:
        EC.leave(frame, back)

def entry_point(argv):
    print call(0)
    print EC.max_depth, EC.topframeref() is None
    return 0

def target(driver, args):
    return entry_point, None
