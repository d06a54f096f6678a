# JitDriver with the optional callbacks and flags an interpreter passes:
# get_printable_location, get_unique_id, confirm_enter_jit,
# can_never_inline, should_unroll_one_iteration, is_recursive, name.

from rpython.rlib.jit import JitDriver

class Code(object):
    _immutable_fields_ = ['name', 'ops']

    def __init__(self, name, ops):
        self.name = name
        self.ops = ops

def get_printable_location(pc, code):
    return "%s:%d" % (code.name, pc)

def get_unique_id(pc, code):
    return 0

def confirm_enter_jit(pc, code, total, frame_depth):
    return frame_depth < 100

def can_never_inline(pc, code):
    return False

def should_unroll_one_iteration(pc, code):
    return False

driver = JitDriver(greens=['pc', 'code'], reds=['total', 'frame_depth'],
                   get_printable_location=get_printable_location,
                   get_unique_id=get_unique_id,
                   confirm_enter_jit=confirm_enter_jit,
                   can_never_inline=can_never_inline,
                   should_unroll_one_iteration=should_unroll_one_iteration,
                   is_recursive=True,
                   name='options')

def interpret(code, frame_depth):
    pc = 0
    total = 0
    while pc < len(code.ops):
        driver.jit_merge_point(pc=pc, code=code, total=total, frame_depth=frame_depth)
        op = code.ops[pc]
        if op >= 0:
            total += op
            pc += 1
        else:
            if total < 100:
                pc = 0
                driver.can_enter_jit(pc=pc, code=code, total=total, frame_depth=frame_depth)
            else:
                pc += 1
    return total

def entry_point(argv):
    c = Code("demo", [3, 4, -1, 1000])
    print interpret(c, 0)
    print get_printable_location(2, c)
    print interpret(Code("short", [7]), 1)
    return 0

def target(driver, args):
    return entry_point, None
