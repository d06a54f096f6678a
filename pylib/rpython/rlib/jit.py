"""JIT hints for RPython interpreters: the JitDriver and the decorators and
functions that guide the meta-tracing JIT.

Untranslated (CPython 2.7) every hint is a no-op except the checks RPython
also makes: jit_merge_point() and can_enter_jit() insist that their keyword
arguments are exactly the JitDriver's greens and reds, and that greens and
reds are each listed in the order ints, refs, floats (AssertionError
otherwise).  we_are_jitted() is False (RPython's answers at random
untranslated; a constant keeps untranslated runs reproducible).

Attributes the translator reads, set by the decorators here:

  func._elidable_function_ = True     @elidable (and its old name @purefunction)
  func._jit_look_inside_ = False      @dont_look_inside, @loop_invariant
  func._jit_look_inside_ = True       @look_inside
  func._jit_unroll_safe_ = True       @unroll_safe
  func._jit_loop_invariant_ = True    @loop_invariant
  func.oopspec = 'spec'               @oopspec('spec');
                                      @not_in_trace sets 'jit.not_in_trace()'
  func._always_inline_ = True         on the wrappers below
  wrapper._jit_look_inside_iff_ = (func, predicate)
                                      @look_inside_iff(predicate): the
                                      returned wrapper calls func (made
                                      @unroll_safe) when not jitted or when
                                      predicate(*args), else a
                                      @dont_look_inside copy of it
  wrapper._elidable_promote_ = (func, indexes)
                                      @elidable_promote(promote_args): the
                                      wrapper promotes the arguments at those
                                      indexes, then calls func (made @elidable)

JitDriver instances keep their configuration in plain attributes: greens
and reds (lists of names; reds is [] with autoreds True for reds='auto'),
virtualizables, name, get_printable_location, get_unique_id,
get_location, confirm_enter_jit, can_never_inline,
should_unroll_one_iteration, is_recursive, vectorize.

Classes may say `_virtualizable_ = ['pos', 'stack[*]']`,
`_immutable_ = True`, `_immutable_fields_ = ['x', 'lst[*]', 'q?']`: plain
class attributes, read by the translator; nothing here checks them.
"""

import sys

from rpython.rlib.objectmodel import specialize, keepalive_until_here
from rpython.rlib.unroll import unrolling_iterable
from rpython.tool.sourcetools import func_with_new_name


class JitHintError(Exception):
    """Inconsistency in the JIT hints."""


# ____________________________________________________________
# Decorators

def elidable(func):
    """The function has no side effects visible to the program and its
    result depends only on its arguments: with constant arguments the JIT
    folds the call away.  It may still raise an exception."""
    func._elidable_function_ = True
    return func


purefunction = elidable     # the old name


def dont_look_inside(func):
    """The JIT never traces into this function: calls stay residual."""
    func._jit_look_inside_ = False
    return func


def look_inside(func):
    """The JIT traces into this function even if the policy would not."""
    func._jit_look_inside_ = True
    return func


def unroll_safe(func):
    """The JIT may trace into this function although it contains loops
    (they are unrolled in the trace)."""
    func._jit_unroll_safe_ = True
    return func


def loop_invariant(func):
    """Called at most once per loop in a trace: the result is reused.
    Implies @dont_look_inside."""
    dont_look_inside(func)
    func._jit_loop_invariant_ = True
    return func


def oopspec(spec):
    """Declares the JIT's own implementation of the function ('list.getitem(l, i)'...)."""
    def decorator(func):
        func.oopspec = spec
        return func
    return decorator


def not_in_trace(func):
    """Like @dont_look_inside, and the call is not recorded in traces at
    all (only run while tracing, for its side effects); returns None."""
    func.oopspec = "jit.not_in_trace()"
    return func


def look_inside_iff(predicate):
    """Look inside (and unroll the loops of) the function only when
    predicate(*args) is true; otherwise call it as @dont_look_inside."""
    def decorator(func):
        func = unroll_safe(func)
        func._annspecialcase_ = "specialize:call_location"
        predicate._annspecialcase_ = "specialize:call_location"
        trampoline = func_with_new_name(func, func.__name__ + "_trampoline")
        trampoline._jit_unroll_safe_ = False
        trampoline._jit_look_inside_ = False
        if hasattr(func, 'oopspec'):
            trampoline.oopspec = func.oopspec
            del func.oopspec

        def wrapper(*args):
            if not we_are_jitted() or predicate(*args):
                return func(*args)
            return trampoline(*args)
        wrapper.__name__ = func.__name__ + "_look_inside_iff"
        wrapper._always_inline_ = True
        wrapper._jit_look_inside_iff_ = (func, predicate)
        return wrapper
    return decorator


def _promoting_wrapper(func, nargs, which):
    """A function of `nargs` arguments that promotes those whose index is in
    `which`, then calls func."""
    p0 = 0 in which
    p1 = 1 in which
    p2 = 2 in which
    p3 = 3 in which
    p4 = 4 in which
    p5 = 5 in which
    if nargs == 0:
        def wrapper():
            return func()
    elif nargs == 1:
        def wrapper(a0):
            if p0:
                a0 = promote(a0)
            return func(a0)
    elif nargs == 2:
        def wrapper(a0, a1):
            if p0:
                a0 = promote(a0)
            if p1:
                a1 = promote(a1)
            return func(a0, a1)
    elif nargs == 3:
        def wrapper(a0, a1, a2):
            if p0:
                a0 = promote(a0)
            if p1:
                a1 = promote(a1)
            if p2:
                a2 = promote(a2)
            return func(a0, a1, a2)
    elif nargs == 4:
        def wrapper(a0, a1, a2, a3):
            if p0:
                a0 = promote(a0)
            if p1:
                a1 = promote(a1)
            if p2:
                a2 = promote(a2)
            if p3:
                a3 = promote(a3)
            return func(a0, a1, a2, a3)
    elif nargs == 5:
        def wrapper(a0, a1, a2, a3, a4):
            if p0:
                a0 = promote(a0)
            if p1:
                a1 = promote(a1)
            if p2:
                a2 = promote(a2)
            if p3:
                a3 = promote(a3)
            if p4:
                a4 = promote(a4)
            return func(a0, a1, a2, a3, a4)
    elif nargs == 6:
        def wrapper(a0, a1, a2, a3, a4, a5):
            if p0:
                a0 = promote(a0)
            if p1:
                a1 = promote(a1)
            if p2:
                a2 = promote(a2)
            if p3:
                a3 = promote(a3)
            if p4:
                a4 = promote(a4)
            if p5:
                a5 = promote(a5)
            return func(a0, a1, a2, a3, a4, a5)
    else:
        raise JitHintError("elidable_promote: at most 6 arguments are supported")
    return wrapper


def elidable_promote(promote_args='all'):
    """@elidable, and the arguments (all, or the indexes listed as in
    promote_args='0,2') are promoted before the call."""
    def decorator(func):
        elidable(func)
        nargs = func.func_code.co_argcount
        if promote_args == 'all':
            which = range(nargs)
        else:
            which = [int(i) for i in promote_args.split(',')]
        wrapper = _promoting_wrapper(func, nargs, which)
        wrapper.__name__ = func.__name__ + '_promote'
        wrapper.func_defaults = func.func_defaults
        wrapper._always_inline_ = True
        wrapper._elidable_promote_ = (func, tuple(which))
        return wrapper
    return decorator


# ____________________________________________________________
# Hints on values

def hint(x, **kwds):
    """Returns x; the keywords (promote=True, promote_string=True,
    access_directly=True, force_virtualizable=True, fresh_virtualizable=True)
    guide the JIT."""
    return x


def promote(x):
    """x, made a constant in the trace (guarded)."""
    return hint(x, promote=True)


def promote_string(x):
    return hint(x, promote_string=True)


def promote_unicode(x):
    return hint(x, promote_unicode=True)


def we_are_jitted():
    """True in code the JIT traces or runs; False untranslated."""
    return False


def isconstant(value):
    """Whether the JIT knows value as a constant; False untranslated."""
    return False


def isvirtual(value):
    """Whether value is a virtual (not allocated) object; False untranslated."""
    return False


def loop_unrolling_heuristic(lst, size, cutoff=2):
    """For look_inside_iff predicates: unroll loops over small virtual
    lists or lists of constant size."""
    return (isvirtual(lst) and size <= cutoff) or isconstant(size)


def current_trace_length():
    """The length of the trace being recorded, or -1."""
    return -1


def jit_debug(string, arg1=-sys.maxint - 1, arg2=-sys.maxint - 1,
              arg3=-sys.maxint - 1, arg4=-sys.maxint - 1):
    """Records a debug operation in the trace (no effect untranslated)."""
    pass


def assert_green(value):
    """The JIT checks that value is a constant in the trace."""
    pass


def record_exact_class(value, cls):
    """Tells the JIT that value's class is exactly cls."""
    assert value.__class__ is cls, "record_exact_class: %r is not exactly a %r" % (value, cls)


def record_exact_value(value, const_value):
    """Tells the JIT that value is const_value."""
    assert value == const_value


def record_known_result(result, func, *args):
    """Tells the JIT that the elidable func(*args) returns result."""
    pass


def conditional_call(condition, function, *args):
    """if condition: function(*args) (the JIT keeps the test in the trace
    and the call out of line)."""
    if condition:
        function(*args)


def conditional_call_elidable(value, function, *args):
    """if value is 0 (or None): value = function(*args); return value.
    function must be elidable."""
    if value is None:
        value = function(*args)
    elif not isinstance(value, (str, unicode)) and value == 0:
        value = function(*args)
    return value


def enter_portal_frame(unique_id):
    pass


def leave_portal_frame():
    pass


# ____________________________________________________________
# Virtual references

class InvalidVirtualRef(Exception):
    """A virtual reference was called after virtual_ref_finish() without
    having been forced before."""


class DirectVRef(object):

    def __init__(self, x):
        self._x = x
        self._state = 'non-forced'

    def __call__(self):
        if self._state == 'non-forced':
            self._state = 'forced'
        elif self._state == 'invalid':
            raise InvalidVirtualRef
        return self._x

    @property
    def virtual(self):
        """Whether the referenced object is still virtual (False untranslated)."""
        return False

    def _finish(self):
        if self._state == 'non-forced':
            self._state = 'invalid'


class DirectJitVRef(DirectVRef):
    pass


def virtual_ref(x):
    """A reference to x (typically a frame) that the JIT may keep virtual:
    call it to get x."""
    return DirectJitVRef(x)

virtual_ref.oopspec = 'virtual_ref(x)'


def virtual_ref_finish(vref, x):
    """Ends the life of vref, made by virtual_ref(x)."""
    keepalive_until_here(x)
    assert vref._x is x, "Invalid call to virtual_ref_finish"
    vref._finish()


def non_virtual_ref(x):
    """A reference to x that behaves like a virtual_ref but is never virtual."""
    return DirectVRef(x)


vref_None = non_virtual_ref(None)


# ____________________________________________________________
# JIT parameters

ENABLE_ALL_OPTS = 'intbounds:rewrite:virtualize:string:pure:earlyforce:heap:unroll'

PARAMETER_DOCS = {
    'threshold': 'number of times a loop has to run for it to become hot',
    'function_threshold': 'number of times a function must run for it to become traced from start',
    'trace_eagerness': 'number of times a guard has to fail before we start compiling a bridge',
    'decay': 'amount to regularly decay counters by (0=none, 1000=max)',
    'trace_limit': 'number of recorded operations before we abort tracing with ABORT_TOO_LONG',
    'inlining': 'inline python functions or not (1/0)',
    'loop_longevity': 'a parameter controlling how long loops will be kept before being freed, an estimate',
    'retrace_limit': 'how many times we can try retracing before giving up',
    'max_retrace_guards': 'number of extra guards a retrace can cause',
    'max_unroll_loops': 'number of extra unrollings a loop can cause',
    'disable_unrolling': 'after how many operations we should not unroll',
    'max_unroll_recursion': 'how many levels deep to unroll a recursive function',
    'enable_opts': 'internal use only (may not work or lead to crashes): optimizations to enable, or all = %s' % ENABLE_ALL_OPTS,
}

PARAMETERS = {
    'threshold': 1039,
    'function_threshold': 1619,
    'trace_eagerness': 200,
    'decay': 40,
    'trace_limit': 6000,
    'inlining': 1,
    'loop_longevity': 1000,
    'retrace_limit': 0,
    'max_retrace_guards': 15,
    'max_unroll_loops': 0,
    'disable_unrolling': 200,
    'max_unroll_recursion': 7,
    'enable_opts': 'all',
}

unroll_parameters = unrolling_iterable(sorted(PARAMETERS.items()))


def set_param(driver, name, value):
    """Sets the JIT parameter `name` of driver (or of every driver if
    driver is None) to value.  No effect untranslated."""
    pass


def set_param_to_default(driver, name):
    set_param(driver, name, PARAMETERS[name])


def set_user_param(driver, text):
    """Sets JIT parameters from a user's text: 'name=value,name=value',
    'off' (no JIT) or 'default'.  ValueError if the text is malformed, a
    name unknown or a value not an integer."""
    if text == 'off':
        set_param(driver, 'threshold', -1)
        set_param(driver, 'function_threshold', -1)
        return
    if text == 'default':
        for name, value in unroll_parameters:
            set_param(driver, name, value)
        return
    for s in text.split(','):
        s = s.strip(' ')
        parts = s.split('=')
        if len(parts) != 2:
            raise ValueError
        name = parts[0]
        value = parts[1]
        if name == 'enable_opts':
            set_param(driver, 'enable_opts', value)
        elif name in PARAMETERS:
            set_param(driver, name, int(value))
        else:
            raise ValueError


# ____________________________________________________________
# The JitDriver

def _kind_of(value):
    """'1:INT', '2:REF', '3:FLOAT', or None when unknown (RPython's heuristic
    for checking the order of greens and reds)."""
    from rpython.rlib.rarithmetic import base_int, r_singlefloat
    if isinstance(value, bool) or isinstance(value, (int, long, base_int, r_singlefloat)):
        return '1:INT'
    if isinstance(value, float):
        return '3:FLOAT'
    if isinstance(value, (str, unicode)):
        if len(value) == 1:
            return None        # maybe a char (an INT)
        return '2:REF'
    if isinstance(value, (list, dict, tuple)):
        return '2:REF'
    if value is None:
        return None
    cls = getattr(value, '__class__', None)
    if cls is not None and getattr(cls, '__module__', '__builtin__') not in ('__builtin__', 'exceptions'):
        if hasattr(value, '_freeze_'):
            return None
        if getattr(value, '_alloc_flavor_', 'gc') == 'gc':
            return '2:REF'
        return '1:INT'
    return None


def _livevar_name(name):
    """'frame.code' (a green field) is passed as 'frame'."""
    return name.split('.')[0]


class JitDriver(object):
    """Marks the interpreter's main loop for the JIT.

    greens: the names of the variables that identify a position in the
    user's program (constant in a trace); reds: the other live variables,
    or 'auto' to let the translator find them.  Each list in the order
    ints, refs, floats."""
    greens = None
    reds = None
    virtualizables = []
    name = 'jitdriver'
    inline_jit_merge_point = False

    def __init__(self, greens=None, reds=None, virtualizables=None,
                 get_jitcell_at=None, set_jitcell_at=None,
                 get_printable_location=None, confirm_enter_jit=None,
                 can_never_inline=None, should_unroll_one_iteration=None,
                 name='jitdriver', check_untranslated=True, vectorize=False,
                 get_unique_id=None, is_recursive=False, get_location=None):
        if greens is not None:
            self.greens = list(greens)
        if self.greens is None:
            raise AttributeError("no 'greens' supplied to the JitDriver")
        self.name = name
        if reds == 'auto':
            self.autoreds = True
            self.reds = []
            self.numreds = None
            assert confirm_enter_jit is None, (
                "reds='auto' is not compatible with confirm_enter_jit")
        else:
            if reds is not None:
                self.reds = list(reds)
            if self.reds is None:
                raise AttributeError("no 'reds' supplied to the JitDriver")
            self.autoreds = False
            self.numreds = len(self.reds)
        if virtualizables is not None:
            self.virtualizables = list(virtualizables)
        for v in self.virtualizables:
            assert v in self.reds, "virtualizable %r is not one of the reds" % (v,)
        assert get_jitcell_at is None, "get_jitcell_at no longer used"
        assert set_jitcell_at is None, "set_jitcell_at no longer used"
        for name1 in self.greens + self.reds:
            assert self.greens.count(name1) + self.reds.count(name1) == 1, (
                "%r is listed twice in the greens and reds" % (name1,))
        self._somelivevars = set([_livevar_name(v) for v in self.greens + self.reds])
        self._heuristic_order = {}
        self.get_printable_location = get_printable_location
        self.get_location = get_location
        self.get_unique_id = get_unique_id
        self.confirm_enter_jit = confirm_enter_jit
        self.can_never_inline = can_never_inline
        self.should_unroll_one_iteration = should_unroll_one_iteration
        self.check_untranslated = check_untranslated
        self.is_recursive = is_recursive
        self.vectorize = vectorize

    def _freeze_(self):
        return True

    def _check_arguments(self, livevars, is_merge_point):
        given = set(livevars.keys())
        if given != self._somelivevars:
            missing = sorted(self._somelivevars - given)
            extra = sorted(given - self._somelivevars)
            what = 'jit_merge_point' if is_merge_point else 'can_enter_jit'
            msg = "%s() of %s: the keyword arguments must be the greens and reds %r" % (
                what, self.name, sorted(self._somelivevars))
            if missing:
                msg += "; missing %r" % (missing,)
            if extra:
                msg += "; unexpected %r" % (extra,)
            raise AssertionError(msg)
        added = False
        for var, value in livevars.items():
            if var in self._heuristic_order:
                continue
            kind = _kind_of(value)
            if kind is None:
                continue
            self._heuristic_order[var] = kind
            added = True
        if added:
            for color in ('reds', 'greens'):
                lst = getattr(self, color)
                allkinds = [self._heuristic_order.get(name1, '?') for name1 in lst]
                kinds = [k for k in allkinds if k != '?']
                assert kinds == sorted(kinds), (
                    "bad order of %s variables in the jitdriver: "
                    "must be INTs, REFs, FLOATs; got %r" % (color, allkinds))

    def jit_merge_point(_self, **livevars):
        """The start of one iteration of the interpreter's loop; the keyword
        arguments are the greens and reds (only the greens with reds='auto')."""
        if _self.check_untranslated:
            _self._check_arguments(livevars, True)

    def can_enter_jit(_self, **livevars):
        """A place where a loop of the user's program closes (a backward jump)."""
        if _self.autoreds:
            raise AssertionError("can_enter_jit not supported with reds='auto'")
        if _self.check_untranslated:
            _self._check_arguments(livevars, False)

    def loop_header(self):
        """Marks the start of a loop in the interpreter for the JIT."""
        pass

    def inline(self, call_jit_merge_point):
        """Decorator: jit_merge_point is inlined into the decorated function."""
        assert self.autoreds, "@inline works only with reds='auto'"
        self.inline_jit_merge_point = True

        def decorate(func):
            func._inline_jit_merge_point_ = call_jit_merge_point
            return func
        return decorate

    def set_param(self, name, value):
        set_param(self, name, value)

    def __repr__(self):
        return '<JitDriver %s greens=%r reds=%r>' % (self.name, self.greens, self.reds)


# ____________________________________________________________
# Hooks

class JitHookInterface(object):
    """Hooks called by the JIT as it compiles (none are called untranslated)."""

    def on_abort(self, reason, jitdriver, greenkey, greenkey_repr, logops, operations):
        pass

    def on_trace_too_long(self, jitdriver, greenkey, greenkey_repr):
        pass

    def before_compile(self, debug_info):
        pass

    def after_compile(self, debug_info):
        pass

    def before_compile_bridge(self, debug_info):
        pass

    def after_compile_bridge(self, debug_info):
        pass

    def are_hooks_enabled(self):
        return False


class Counters(object):
    """Names of the JIT's statistics counters (jit_get_stats)."""
    counter_names = ['TRACING', 'BACKEND', 'OPS', 'HEAPCACHED_OPS', 'RECORDED_OPS',
                     'GUARDS', 'OPT_OPS', 'OPT_GUARDS', 'OPT_GUARDS_SHARED',
                     'OPT_FORCINGS', 'OPT_VECTORIZE_TRY', 'OPT_VECTORIZED',
                     'ABORT_TOO_LONG', 'ABORT_BRIDGE', 'ABORT_BAD_LOOP',
                     'ABORT_ESCAPE', 'ABORT_FORCE_QUASIIMMUT', 'ABORT_SEGMENTED_TRACE',
                     'NVIRTUALS', 'NVHOLES', 'NVREUSED', 'TOTAL_COMPILED_LOOPS',
                     'TOTAL_COMPILED_BRIDGES', 'TOTAL_FREED_LOOPS', 'TOTAL_FREED_BRIDGES']
    ncounters = len(counter_names)

for _i, _name in enumerate(Counters.counter_names):
    setattr(Counters, _name, _i)
