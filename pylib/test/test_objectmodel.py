import random

from rpython.rlib import objectmodel
from rpython.rlib.objectmodel import (
    specialize, enforceargs, we_are_translated, not_rpython, always_inline, dont_inline,
    r_dict, r_ordereddict, compute_hash, compute_identity_hash, compute_unique_id,
    instantiate, newlist_hint, resizelist_hint, keepalive_until_here, import_from_mixin,
    likely, unlikely, Symbolic, CDefinedIntSymbolic, UnboxedValue, sandbox_review)
from rpython.tool.sourcetools import func_with_new_name, func_renamer


def raises(exc, func, *args):
    try:
        func(*args)
    except exc, e:
        return e
    raise AssertionError("%s not raised" % exc.__name__)


def test_simple_functions():
    assert we_are_translated() is False
    assert likely(True) is True and unlikely(0) == 0
    assert newlist_hint(10) == []
    l = [1]
    assert resizelist_hint(l, 100) is None and l == [1]
    assert keepalive_until_here(l, 3) is None


def test_specialize_tags():
    def f(x):
        return x
    assert specialize.memo()(f) is f and f._annspecialcase_ == 'specialize:memo'
    specialize.arg(0)(f)
    assert f._annspecialcase_ == 'specialize:arg(0)'
    specialize.arg(0, 2)(f)
    assert f._annspecialcase_ == 'specialize:arg(0,2)'
    specialize.argtype(1)(f)
    assert f._annspecialcase_ == 'specialize:argtype(1)'
    specialize.arg_or_var(0)(f)
    assert f._annspecialcase_ == 'specialize:arg_or_var(0)'
    specialize.call_location()(f)
    assert f._annspecialcase_ == 'specialize:call_location'
    specialize.ll()(f)
    assert f._annspecialcase_ == 'specialize:ll'
    specialize.ll_and_arg(1)(f)
    assert f._annspecialcase_ == 'specialize:ll_and_arg(1)'

    @specialize.argtype(0)
    def g(x):
        return x * 2
    assert g(3) == 6 and g._annspecialcase_ == 'specialize:argtype(0)'


def test_decorators():
    @enforceargs(int, str, None)
    def f(a, b, c):
        return a
    assert f._annenforceargs_ == (int, str, None)
    assert f(1, 'x', 3.5) == 1

    @enforceargs(b=str)
    def g(a, b, c=1):
        return b
    assert g._annenforceargs_ == (None, str, None)

    @not_rpython
    def h():
        pass
    assert h._not_rpython_ is True

    @always_inline
    def i():
        pass
    assert i._always_inline_ is True

    @dont_inline
    def j():
        pass
    assert j._dont_inline_ is True

    @sandbox_review(reviewed=True)
    def k():
        return 5
    assert k() == 5 and k._sandbox_review_ == 'reviewed'


def test_r_dict():
    def eq(a, b):
        return a.lower() == b.lower()

    def hash_(a):
        return compute_hash(a.lower())

    d = r_dict(eq, hash_)
    assert len(d) == 0 and not d
    d['Hello'] = 1
    d['WORLD'] = 2
    d['hello'] = 3
    assert len(d) == 2
    assert d['HELLO'] == 3
    assert d.keys() == ['Hello', 'WORLD']
    assert d.values() == [3, 2]
    assert d.items() == [('Hello', 3), ('WORLD', 2)]
    assert 'world' in d and 'x' not in d
    assert d.get('x', 9) == 9 and d.get('World') == 2
    raises(KeyError, d.__getitem__, 'x')
    assert d.setdefault('a', 5) == 5 and d.setdefault('A', 6) == 5
    del d['hELLO']
    assert d.keys() == ['WORLD', 'a']
    raises(KeyError, d.__delitem__, 'hello')
    assert d.pop('world') == 2 and d.pop('zz', None) is None
    raises(KeyError, d.pop, 'zz')
    d['b'] = 7
    assert d.popitem() == ('b', 7)
    assert list(d) == ['a']
    d2 = d.copy()
    d2['q'] = 1
    assert len(d) == 1 and len(d2) == 2
    d.update(d2)
    assert d.keys() == ['a', 'q']
    assert list(d.iteritems()) == [('a', 5), ('q', 1)]
    d.clear()
    assert len(d) == 0
    assert isinstance(r_ordereddict(eq, hash_), r_dict)


def test_r_dict_random_against_dict():
    rnd = random.Random(1)
    d = r_dict(lambda a, b: a % 1000 == b % 1000, lambda a: (a % 1000) % 7)
    ref = {}
    order = []
    for _ in range(5000):
        k = rnd.randrange(50)
        op = rnd.randrange(4)
        if op < 2:
            d[k] = op
            if k not in ref:
                order.append(k)
            ref[k] = op
        elif op == 2 and k in ref:
            del d[k + 1000]        # an equal key
            del ref[k]
            order.remove(k)
        else:
            assert (k in d) == (k in ref)
        assert d.keys() == order
        assert len(d) == len(ref)
    for k in ref:
        assert d[k] == ref[k]


def test_compute_hash():
    rnd = random.Random(2)
    for _ in range(300):
        s = ''.join(chr(rnd.randrange(256)) for _ in range(rnd.randrange(1, 20)))
        h = hash(s)
        if h != -2:
            assert compute_hash(s) == h
    assert compute_hash('') == -1
    assert compute_hash(u'abc') == hash(u'abc') == hash('abc')
    assert compute_hash(12345) == 12345
    assert compute_hash(None) == 0
    for x in [0.5, -1.25, 1e-300, 3.14159]:   # (integral floats differ: no special case)
        assert compute_hash(x) == hash(x)
    assert compute_hash(float('inf')) == 314159
    assert compute_hash((1, 'a')) == compute_hash((1, 'a'))
    assert compute_hash((1, 2)) != compute_hash((2, 1))

    class A(object):
        pass
    a = A()
    assert compute_hash(a) == compute_identity_hash(a) == compute_identity_hash(a)
    assert compute_unique_id(a) == id(a)


def test_instantiate():
    class A(object):
        def __init__(self):
            raise AssertionError("not called")

    class B:
        def __init__(self):
            raise AssertionError("not called")
    assert type(instantiate(A)) is A
    assert instantiate(B).__class__ is B


class Mixin(object):
    _mixin_attr = 5

    def __init__(self):
        self.x = 1

    def method(self):
        return 'mixin %d' % self.x

    @staticmethod
    def smeth():
        return 'static'

    def __repr__(self):
        return 'not copied'


class Mixin2(Mixin):
    def method2(self):
        return self.method() + '!'


class UsesMixin(object):
    import_from_mixin(Mixin2)

    def own(self):
        return 'own'


def test_import_from_mixin():
    u = UsesMixin()
    assert u.x == 1
    assert u.method() == 'mixin 1' and u.method2() == 'mixin 1!'
    assert u.smeth() == 'static' and UsesMixin._mixin_attr == 5
    assert 'method' in UsesMixin.__dict__
    assert UsesMixin.__dict__['method'] is not Mixin.__dict__['method']
    assert '__repr__' not in UsesMixin.__dict__
    assert not isinstance(u, Mixin)

    def clash():
        class C(object):
            def method(self):
                pass
            import_from_mixin(Mixin)
    raises(Exception, clash)

    class D(object):
        import_from_mixin(Mixin, special_methods=['__repr__'])
    assert repr(D()) == 'not copied'
    assert '__init__' not in D.__dict__


def test_func_with_new_name():
    def f(x, y=2):
        return x + y
    f.attr = 'a'
    g = func_with_new_name(f, 'g')
    assert g is not f and g.__name__ == 'g' and g(1) == 3 and g.attr == 'a'
    h = func_renamer('h')(f)
    assert h.__name__ == 'h'


def test_symbolics():
    s = CDefinedIntSymbolic('FOO', default=3)
    assert s.expr == 'FOO' and s.default == 3
    raises(TypeError, bool, s)
    assert isinstance(s, Symbolic)

    class Tagged(UnboxedValue):
        __slots__ = 'value'
    t = Tagged(5)
    assert t.value == 5 and t.get_untagged_value() == 5
