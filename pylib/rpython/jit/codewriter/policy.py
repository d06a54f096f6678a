"""JitPolicy: which functions the JIT traces into.  A target's
`jitpolicy(driver)` returns one; the translator calls look_inside_function()
(or reads the same function attributes itself)."""


class JitPolicy(object):

    def __init__(self, jithookiface=None):
        self.unsafe_loopy_graphs = set()
        self.supports_floats = False
        self.supports_longlong = False
        self.supports_singlefloats = False
        if jithookiface is None:
            from rpython.rlib.jit import JitHookInterface
            jithookiface = JitHookInterface()
        self.jithookiface = jithookiface

    def set_supports_floats(self, flag):
        self.supports_floats = flag

    def set_supports_longlong(self, flag):
        self.supports_longlong = flag

    def set_supports_singlefloats(self, flag):
        self.supports_singlefloats = flag

    def look_inside_function(self, func):
        """Whether the JIT traces into func: not if it is @dont_look_inside,
        @elidable or @loop_invariant, nor if it is in a module the JIT
        leaves alone (rpython.rlib.rbigint and similar leaves are traced
        into, as far as the rules above allow)."""
        if getattr(func, '_jit_look_inside_', True) is False:
            return False
        if getattr(func, '_elidable_function_', False):
            return False
        if getattr(func, '_jit_loop_invariant_', False):
            return False
        return True

    def look_inside_graph(self, graph):
        func = getattr(graph, 'func', None)
        if func is None:
            return True
        return self.look_inside_function(func)


class StopAtXPolicy(JitPolicy):
    """A policy that does not look inside the given functions."""

    def __init__(self, *funcs):
        JitPolicy.__init__(self)
        self.funcs = funcs

    def look_inside_function(self, func):
        if func in self.funcs:
            return False
        return JitPolicy.look_inside_function(self, func)
