from rpython.rlib import jit
from rpython.rlib.jit import (
    JitDriver, elidable, purefunction, dont_look_inside, look_inside, unroll_safe,
    look_inside_iff, loop_invariant, oopspec, not_in_trace, elidable_promote, promote,
    promote_string, promote_unicode, hint, we_are_jitted, isconstant, isvirtual,
    virtual_ref, virtual_ref_finish, non_virtual_ref, vref_None, InvalidVirtualRef,
    conditional_call, conditional_call_elidable, record_exact_class, record_known_result,
    set_param, set_user_param, PARAMETERS, JitHintError, JitHookInterface)
from rpython.jit.codewriter.policy import JitPolicy


def raises(exc, func, *args, **kwds):
    try:
        func(*args, **kwds)
    except exc, e:
        return e
    raise AssertionError("%s not raised" % exc.__name__)


class Frame(object):
    pass


def test_driver_checks_names():
    driver = JitDriver(greens=['pc', 'code'], reds=['frame', 'acc'])
    frame = Frame()
    driver.jit_merge_point(pc=0, code='abc', frame=frame, acc=1.5)
    driver.can_enter_jit(pc=1, code='abc', frame=frame, acc=2.5)
    driver.loop_header()
    e = raises(AssertionError, driver.jit_merge_point, pc=0, code='abc', frame=frame)
    assert 'acc' in str(e)
    raises(AssertionError, driver.jit_merge_point, pc=0, code='abc', frame=frame, acc=1.0, extra=1)
    raises(AssertionError, driver.can_enter_jit, pc=0, code='abc', acc=1.0)
    assert driver.greens == ['pc', 'code'] and driver.reds == ['frame', 'acc']
    assert not driver.autoreds and driver.numreds == 2


def test_driver_checks_order():
    bad = JitDriver(greens=['code', 'pc'], reds=['n'])
    e = raises(AssertionError, bad.jit_merge_point, code='abc', pc=0, n=1)
    assert 'bad order of greens' in str(e)
    bad2 = JitDriver(greens=[], reds=['f', 'frame'])
    raises(AssertionError, bad2.jit_merge_point, f=1.5, frame=Frame())
    ok = JitDriver(greens=['pc', 'c'], reds=['n'])
    ok.jit_merge_point(pc=0, c='x', n=5)      # a 1-char string may be a char
    ok.jit_merge_point(pc=0, c=None, n=5)


def test_driver_options():
    def loc(pc, code):
        return '%d' % pc
    driver = JitDriver(greens=['pc', 'code'], reds='auto', get_printable_location=loc,
                       name='main', is_recursive=True, should_unroll_one_iteration=loc)
    assert driver.autoreds and driver.reds == []
    assert driver.get_printable_location is loc and driver.name == 'main'
    assert driver.is_recursive
    driver.jit_merge_point(pc=1, code='x')
    raises(AssertionError, driver.jit_merge_point, pc=1, code='x', n=5)
    raises(AssertionError, driver.can_enter_jit, pc=1, code='x')
    raises(AssertionError, JitDriver, greens=[], reds=['a'], virtualizables=['b'])
    JitDriver(greens=[], reds=['frame'], virtualizables=['frame'])
    unchecked = JitDriver(greens=['a'], reds=['b'], check_untranslated=False)
    unchecked.jit_merge_point(x=1)

    class MyDriver(JitDriver):
        greens = ['pc']
        reds = ['n']
    MyDriver().jit_merge_point(pc=0, n=0)
    assert driver._freeze_() is True


def test_decorator_attributes():
    @elidable
    def f(x):
        return x + 1
    assert f._elidable_function_ is True and f(1) == 2
    assert purefunction is elidable

    @dont_look_inside
    def g():
        pass
    assert g._jit_look_inside_ is False

    @look_inside
    def g2():
        pass
    assert g2._jit_look_inside_ is True

    @unroll_safe
    def h():
        pass
    assert h._jit_unroll_safe_ is True

    @loop_invariant
    def i():
        return 5
    assert i._jit_loop_invariant_ is True and i._jit_look_inside_ is False and i() == 5

    @oopspec('list.foo(l)')
    def j(l):
        pass
    assert j.oopspec == 'list.foo(l)'

    @not_in_trace
    def k():
        pass
    assert k.oopspec == 'jit.not_in_trace()'


def test_look_inside_iff():
    calls = []

    def small(lst, n):
        calls.append(n)
        return n < 3

    @look_inside_iff(small)
    def total(lst, n):
        s = 0
        for x in lst:
            s += x
        return s + n
    assert total([1, 2, 3], 1) == 7
    assert total([1], 10) == 11
    func, pred = total._jit_look_inside_iff_
    assert pred is small and func._jit_unroll_safe_ is True
    assert total._always_inline_ is True


def test_elidable_promote():
    @elidable_promote()
    def f(a, b, c=10):
        return a * 100 + b * 10 + c
    assert f(1, 2) == 130 and f(1, 2, 3) == 123
    func, which = f._elidable_promote_
    assert which == (0, 1, 2) and func._elidable_function_

    @elidable_promote(promote_args='0,2')
    def g(a, b, c):
        return (a, b, c)
    assert g(1, 2, 3) == (1, 2, 3)
    assert g._elidable_promote_[1] == (0, 2)

    class A(object):
        @elidable_promote('0')
        def meth(self, x):
            return x + 1
    assert A().meth(4) == 5


def test_value_hints():
    x = [1]
    assert promote(x) is x and promote_string('s') == 's' and promote_unicode(u'u') == u'u'
    assert hint(x, promote=True, access_directly=True) is x
    assert we_are_jitted() is False
    assert isconstant(5) is False and isvirtual(x) is False
    assert jit.current_trace_length() == -1


def test_virtual_refs():
    f = Frame()
    vref = virtual_ref(f)
    assert vref() is f
    virtual_ref_finish(vref, f)
    assert vref() is f           # it was forced before
    g = Frame()
    vref2 = virtual_ref(g)
    virtual_ref_finish(vref2, g)
    raises(InvalidVirtualRef, vref2)
    raises(AssertionError, virtual_ref_finish, virtual_ref(f), g)
    assert non_virtual_ref(f)() is f
    assert vref_None() is None


def test_conditional_calls():
    called = []

    def func(a, b):
        called.append((a, b))
        return a + b
    conditional_call(False, func, 1, 2)
    assert called == []
    conditional_call(True, func, 1, 2)
    assert called == [(1, 2)]
    assert conditional_call_elidable(5, func, 1, 2) == 5
    assert conditional_call_elidable(0, func, 3, 4) == 7
    assert conditional_call_elidable(None, func, 'a', 'b') == 'ab'
    assert conditional_call_elidable('x', func, 'a', 'b') == 'x'


def test_record():
    f = Frame()
    record_exact_class(f, Frame)

    class Sub(Frame):
        pass
    raises(AssertionError, record_exact_class, Sub(), Frame)
    record_known_result(3, len, 'abc')


def test_parameters():
    assert PARAMETERS['threshold'] == 1039
    assert PARAMETERS['function_threshold'] == 1619
    assert PARAMETERS['trace_eagerness'] == 200
    assert PARAMETERS['decay'] == 40
    assert PARAMETERS['trace_limit'] == 6000
    assert PARAMETERS['inlining'] == 1
    assert PARAMETERS['loop_longevity'] == 1000
    assert PARAMETERS['retrace_limit'] == 0
    assert PARAMETERS['max_retrace_guards'] == 15
    assert PARAMETERS['max_unroll_loops'] == 0
    assert PARAMETERS['disable_unrolling'] == 200
    assert PARAMETERS['max_unroll_recursion'] == 7
    assert PARAMETERS['enable_opts'] == 'all'
    driver = JitDriver(greens=[], reds=['n'])
    set_param(driver, 'threshold', 5)
    set_param(None, 'trace_limit', 100)
    set_user_param(driver, 'threshold=100,trace_eagerness=5')
    set_user_param(None, 'off')
    set_user_param(None, 'default')
    set_user_param(None, 'enable_opts=intbounds:rewrite')
    raises(ValueError, set_user_param, None, 'nonsense=5')
    raises(ValueError, set_user_param, None, 'threshold=abc')
    raises(ValueError, set_user_param, None, 'threshold')


def test_policy():
    policy = JitPolicy()

    @dont_look_inside
    def a():
        pass

    def b():
        pass
    assert not policy.look_inside_function(a)
    assert policy.look_inside_function(b)
    assert isinstance(policy.jithookiface, JitHookInterface)
    assert issubclass(JitHintError, Exception)
