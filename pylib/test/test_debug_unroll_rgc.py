import sys
from StringIO import StringIO

from rpython.rlib import debug, rgc
from rpython.rlib.debug import (
    debug_print, debug_start, debug_stop, have_debug_prints, debug_flush, debug_offset,
    make_sure_not_resized, check_nonneg, ll_assert, fatalerror, FatalError, check_annotation)
from rpython.rlib.unroll import unrolling_iterable
from rpython.rlib.nonconst import NonConstant


def raises(exc, func, *args):
    try:
        func(*args)
    except exc, e:
        return e
    raise AssertionError("%s not raised" % exc.__name__)


def capture_stderr(func, *args):
    saved = sys.stderr
    sys.stderr = StringIO()
    try:
        func(*args)
        return sys.stderr.getvalue()
    finally:
        sys.stderr = saved


def test_debug_print():
    assert capture_stderr(debug_print, 'a', 1, 2.5, None) == 'a 1 2.5 None\n'
    assert capture_stderr(debug_print) == '\n'
    out = capture_stderr(debug_start, 'gc-minor')
    assert out.startswith('[') and out.endswith('] {gc-minor\n')
    out = capture_stderr(debug_stop, 'gc-minor')
    assert out.endswith('] gc-minor}\n')
    assert have_debug_prints() is True
    assert debug_offset() == -1
    debug_flush()


def test_debug_checks():
    l = [1, 2]
    assert make_sure_not_resized(l) is l
    assert check_annotation(l, None) is l
    assert check_nonneg(0) == 0 and check_nonneg(5) == 5
    raises(AssertionError, check_nonneg, -1)
    ll_assert(True, 'fine')
    e = raises(AssertionError, ll_assert, False, 'broken')
    assert str(e) == 'broken'
    e = raises(FatalError, fatalerror, 'oops')
    assert str(e) == 'oops'


def test_unrolling_iterable():
    u = unrolling_iterable([1, 'a', None])
    assert type(u).__name__ == 'unrolling_iterable'
    assert u._items == (1, 'a', None) and type(u._items) is tuple
    assert list(u) == [1, 'a', None]
    assert [x for x in u] == [1, 'a', None]      # iterable more than once
    assert len(u) == 3
    item, rest = u.get_unroller().step()
    assert item == 1
    assert unrolling_iterable(x * 2 for x in range(3))._items == (0, 2, 4)
    assert u._freeze_() is True


def test_rgc():
    rgc.collect()
    rgc.collect(0)
    rgc.disable()
    assert not rgc.isenabled()
    rgc.enable()
    assert rgc.isenabled()
    rgc.add_memory_pressure(1024)

    @rgc.no_collect
    def f():
        return 1
    assert f() == 1 and f._gc_no_collect_ is True

    @rgc.must_be_light_finalizer
    def g(self):
        pass
    assert g._must_be_light_finalizer_ is True
    src = [1, 2, 3, 4, 5]
    dst = [0] * 6
    rgc.ll_arraycopy(src, dst, 1, 2, 3)
    assert dst == [0, 0, 2, 3, 4, 0]
    rgc.ll_arraycopy(src, src, 0, 1, 4)
    assert src == [1, 1, 2, 3, 4]
    assert rgc.can_move(src) is True

    class Q(rgc.FinalizerQueue):
        Class = list
    q = Q()
    q.register_finalizer([])
    assert q.next_dead() is None


def test_nonconst():
    assert NonConstant(5) == 5
