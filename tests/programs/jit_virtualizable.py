# A frame declared _virtualizable_ with a fixed-size stack ('stack[*]'),
# passed to the JitDriver as a virtualizable red.

from rpython.rlib.jit import JitDriver, hint, promote

class Frame(object):
    _virtualizable_ = ['pc', 'sp', 'stack[*]']

    def __init__(self, size):
        self = hint(self, access_directly=True, fresh_virtualizable=True)
        self.pc = 0
        self.sp = 0
        self.stack = [0] * size

    def push(self, v):
        self.stack[self.sp] = v
        self.sp += 1

    def pop(self):
        self.sp -= 1
        return self.stack[self.sp]

driver = JitDriver(greens=['code'], reds=['frame'], virtualizables=['frame'])

# "1": push 1, "+": add, "d": dup, "s": swap
def run(code):
    frame = Frame(16)
    while frame.pc < len(code):
        driver.jit_merge_point(code=code, frame=frame)
        c = code[promote(frame.pc)]
        if c == "1":
            frame.push(1)
        elif c == "+":
            b = frame.pop()
            a = frame.pop()
            frame.push(a + b)
        elif c == "d":
            v = frame.pop()
            frame.push(v)
            frame.push(v)
        elif c == "s":
            b = frame.pop()
            a = frame.pop()
            frame.push(b)
            frame.push(a)
        frame.pc += 1
    return frame.pop()

def entry_point(argv):
    print run("1d+d+d+")
    print run("11+1+d+")
    print run("1d+1s")
    return 0

def target(driver, args):
    return entry_point, None
