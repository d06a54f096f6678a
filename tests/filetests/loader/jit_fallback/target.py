# The fallback pattern of programs that also run without the toolchain.
try:
    from notthere.rlib.jit import JitDriver, purefunction
except ImportError:
    class JitDriver(object):
        def __init__(self, **kw):
            pass

        def jit_merge_point(self, **kw):
            pass

        def can_enter_jit(self, **kw):
            pass

    def purefunction(f):
        return f

jitdriver = JitDriver(greens=['pc', 'program'], reds=['tape'])


@purefunction
def get_matching_bracket(bracket_map, pc):
    return bracket_map.get(pc)


def entry_point(argv):
    pc = 0
    while pc < 10:
        jitdriver.jit_merge_point(pc=pc, program=argv, tape=None)
        pc += 1
    return 0


def target(*args):
    return entry_point, None
