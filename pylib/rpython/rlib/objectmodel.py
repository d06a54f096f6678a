"""Object-model helpers of RPython: specialization, hints, r_dict, hashes.

Attributes the translator reads on functions (set by the decorators here):

  _annspecialcase_   'specialize:memo', 'specialize:arg(0)',
                     'specialize:arg(0,2)', 'specialize:argtype(1)',
                     'specialize:arg_or_var(0)', 'specialize:call_location',
                     'specialize:ll', 'specialize:ll_and_arg(0)',
                     'specialize:argtype(0)' ... : the name, then the
                     argument indexes in parentheses separated by ',' (no
                     spaces), exactly as RPython spells them.
  _annenforceargs_   tuple from @enforceargs: one entry per parameter, a type
                     (int, str, float, bool, unicode, [int] for a list of
                     ints, ...) or None for "not constrained".
  _always_inline_    True (@always_inline), or 'try' (@try_inline)
  _dont_inline_      True (@dont_inline)
  _not_rpython_      True (@not_rpython): the translator must refuse to
                     translate the function
  _sandbox_review_   'reviewed' / 'check_caller' / 'abort' (@sandbox_review)

Untranslated behaviour (CPython 2.7) follows RPython's: we_are_translated()
is False; r_dict calls the given eq/hash functions; compute_hash is
deterministic (RPython's own algorithms: for a str, the Python 2 string hash
without the -1 fix-up and with hash('') == -1; for a float, Python 2's
float hash without the integer special case; tuples combine their items;
None is 0; other objects use their identity hash).

r_dict and r_ordereddict keep insertion order (as dicts do once translated).
Their state is plain host data so the translator can read a prebuilt one:
_keys and _values (lists, parallel, in insertion order, no holes), key_eq
and key_hash (the functions), _index (hash -> list of positions).

import_from_mixin(M) copies M's attributes into the class body that calls
it, through sys._getframe(1).f_locals as RPython does; the translator's
import-time evaluator must provide that (see mixin_namespace for the pure
part: the dict of copies).
"""

import sys
import types


# ____________________________________________________________
# Translation status

def we_are_translated():
    return False


def we_are_translated_to_c():
    return False


def fetch_translated_config():
    """The translation config once translated; None untranslated."""
    return None


# ____________________________________________________________
# Specialization

def _spec_args(args):
    return "(" + ",".join([repr(a) for a in args]) + ")"


def _mark(tag):
    def decorate(func):
        func._annspecialcase_ = tag
        return func
    return decorate


class _Specialize(object):
    """specialize.memo(), specialize.arg(0), specialize.argtype(0, 1), ...:
    each returns a decorator that records the specialization in
    func._annspecialcase_."""

    def memo(self):
        return _mark('specialize:memo')

    def arg(self, *args):
        return _mark('specialize:arg' + _spec_args(args))

    def arg_or_var(self, *args):
        return _mark('specialize:arg_or_var' + _spec_args(args))

    def argtype(self, *args):
        return _mark('specialize:argtype' + _spec_args(args))

    def arglistitemtype(self, *args):
        return _mark('specialize:arglistitemtype' + _spec_args(args))

    def call_location(self):
        return _mark('specialize:call_location')

    def ll(self):
        return _mark('specialize:ll')

    def ll_and_arg(self, *args):
        return _mark('specialize:ll_and_arg' + _spec_args(args))

    def _freeze_(self):
        return True


specialize = _Specialize()


def enforceargs(*types_, **kwds):
    """Declares the types of a function's arguments: @enforceargs(int, str)
    or @enforceargs(x=int); None means unconstrained. Stored in
    func._annenforceargs_ (one entry per parameter). `typecheck=False` is
    accepted; untranslated, no check is made."""
    kwds.pop('typecheck', None)
    kwds.pop('result', None)

    def decorator(func):
        if not kwds:
            func._annenforceargs_ = tuple(types_)
            return func
        names = list(func.func_code.co_varnames)[:func.func_code.co_argcount]
        full = list(types_)
        while len(full) < len(names):
            full.append(None)
        for name, tp in kwds.items():
            if name not in names:
                raise TypeError("enforceargs: %s() has no argument %r" % (func.__name__, name))
            full[names.index(name)] = tp
        func._annenforceargs_ = tuple(full)
        return func
    return decorator


def signature(*paramtypes, **kw):
    """rpython.rlib.signature-style declaration; recorded like enforceargs."""
    def decorator(func):
        func._signature_ = (paramtypes, kw.get('returns'))
        return func
    return decorator


def not_rpython(func):
    """The translator refuses this function (it is for import time or tests)."""
    func._not_rpython_ = True
    return func


def always_inline(func):
    func._always_inline_ = True
    return func


def try_inline(func):
    func._always_inline_ = 'try'
    return func


def dont_inline(func):
    func._dont_inline_ = True
    return func


def sandbox_review(reviewed=False, check_caller=False, abort=False):
    """Sandboxing annotation; recorded, no effect here."""
    if reviewed:
        tag = 'reviewed'
    elif check_caller:
        tag = 'check_caller'
    elif abort:
        tag = 'abort'
    else:
        tag = None

    def decorator(func):
        func._sandbox_review_ = tag
        return func
    return decorator


def likely(cond):
    return cond


def unlikely(cond):
    return cond


def is_annotation_constant(thing):
    """Whether the annotator proves `thing` constant: True untranslated."""
    return True


def keepalive_until_here(*values):
    pass


def newlist_hint(sizehint=0):
    """An empty list, with room for `sizehint` items once translated."""
    return []

# Each call site makes its own list (of its own item type).
newlist_hint._annspecialcase_ = 'specialize:call_location'


def resizelist_hint(l, sizehint):
    """Hint that `l` will grow to `sizehint` items; no effect untranslated."""
    pass


def prepare_dict_update(d, n_elements):
    pass


def mark_dict_non_null(d):
    pass


def instantiate(cls, nonmovable=False):
    """A new instance of `cls` whose __init__ is not called."""
    if isinstance(cls, type):
        return object.__new__(cls)
    return types.InstanceType(cls)


def free_non_gc_object(obj):
    pass


# ____________________________________________________________
# Hashes and ids

def _wrap_signed(x):
    x &= 0xFFFFFFFFFFFFFFFF
    if x >= 0x8000000000000000:
        x -= 0x10000000000000000
    return int(x)


def _hash_string(s):
    """RPython's string hash (Python 2's without randomization; '' -> -1)."""
    length = len(s)
    if length == 0:
        return -1
    x = ord(s[0]) << 7
    i = 0
    while i < length:
        x = _wrap_signed((1000003 * x) ^ ord(s[i]))
        i += 1
    x ^= length
    return _wrap_signed(x)


def _hash_float(f):
    """Python 2's float hash, without treating integral values specially."""
    import math
    if math.isnan(f):
        return 0
    if math.isinf(f):
        if f < 0.0:
            return -271828
        return 314159
    v, expo = math.frexp(f)
    v *= 2147483648.0
    hipart = int(v)
    v = (v - float(hipart)) * 2147483648.0
    return _wrap_signed(hipart + int(v) + (expo << 15))


def _hash_tuple(t):
    x = 0x345678
    for item in t:
        y = compute_hash(item)
        x = _wrap_signed((1000003 * x) ^ y)
    return x


def compute_hash(x):
    """The hash RPython uses for dict keys: deterministic (see the module
    docstring), the same translated and untranslated."""
    if isinstance(x, (str, unicode)):
        return _hash_string(x)
    if isinstance(x, bool):
        return int(x)
    if isinstance(x, (int, long)):
        return _wrap_signed(x)
    if isinstance(x, float):
        return _hash_float(x)
    if isinstance(x, tuple):
        return _hash_tuple(x)
    if x is None:
        return 0
    if hasattr(x, '_value') and hasattr(x, 'BITS') and hasattr(x, 'SIGNED'):
        return _wrap_signed(x._value)      # r_uint and friends
    return compute_identity_hash(x)


def compute_identity_hash(x):
    """A hash that depends only on the object's identity."""
    assert x is not None
    return object.__hash__(x)


def compute_unique_id(x):
    """An integer unique to the object while it is alive."""
    return id(x)


def current_object_addr_as_int(x):
    return id(x)


# ____________________________________________________________
# r_dict: dicts with custom key equality and hash

class _Missing(object):
    pass

_MISSING = _Missing()


class r_dict(object):
    """A dict whose keys are compared with key_eq(k1, k2) and hashed with
    key_hash(k); keeps insertion order."""

    def __init__(self, key_eq, key_hash, force_non_null=False, simple_hash_eq=False):
        self.key_eq = key_eq
        self.key_hash = key_hash
        self._keys = []
        self._values = []
        self._index = {}

    def _hash(self, key):
        h = self.key_hash(key)
        if not isinstance(h, (int, long)):
            h = int(h)
        return _wrap_signed(h)

    def _find(self, key, h):
        positions = self._index.get(h, None)
        if positions is not None:
            for pos in positions:
                k = self._keys[pos]
                if k is key or self.key_eq(k, key):
                    return pos
        return -1

    def _reindex(self):
        self._index = {}
        for pos in range(len(self._keys)):
            h = self._hash(self._keys[pos])
            self._index.setdefault(h, []).append(pos)

    def _remove_at(self, pos):
        if pos == len(self._keys) - 1:
            h = self._hash(self._keys[pos])
            positions = self._index[h]
            positions.remove(pos)
            if not positions:
                del self._index[h]
            self._keys.pop()
            self._values.pop()
        else:
            del self._keys[pos]
            del self._values[pos]
            self._reindex()

    def __getitem__(self, key):
        pos = self._find(key, self._hash(key))
        if pos < 0:
            raise KeyError(key)
        return self._values[pos]

    def __setitem__(self, key, value):
        h = self._hash(key)
        pos = self._find(key, h)
        if pos >= 0:
            self._values[pos] = value
        else:
            self._index.setdefault(h, []).append(len(self._keys))
            self._keys.append(key)
            self._values.append(value)

    def __delitem__(self, key):
        pos = self._find(key, self._hash(key))
        if pos < 0:
            raise KeyError(key)
        self._remove_at(pos)

    def __contains__(self, key):
        return self._find(key, self._hash(key)) >= 0

    def __len__(self):
        return len(self._keys)

    def __nonzero__(self):
        return len(self._keys) != 0

    def __iter__(self):
        return iter(list(self._keys))

    def iterkeys(self):
        return iter(list(self._keys))

    def itervalues(self):
        return iter(list(self._values))

    def iteritems(self):
        return iter(self.items())

    def keys(self):
        return list(self._keys)

    def values(self):
        return list(self._values)

    def items(self):
        return [(self._keys[i], self._values[i]) for i in range(len(self._keys))]

    def get(self, key, default=None):
        pos = self._find(key, self._hash(key))
        if pos < 0:
            return default
        return self._values[pos]

    def setdefault(self, key, default=None):
        h = self._hash(key)
        pos = self._find(key, h)
        if pos >= 0:
            return self._values[pos]
        self._index.setdefault(h, []).append(len(self._keys))
        self._keys.append(key)
        self._values.append(default)
        return default

    def pop(self, key, default=_MISSING):
        pos = self._find(key, self._hash(key))
        if pos < 0:
            if default is _MISSING:
                raise KeyError(key)
            return default
        value = self._values[pos]
        self._remove_at(pos)
        return value

    def popitem(self):
        """Removes and returns the last (key, value) inserted."""
        if not self._keys:
            raise KeyError("popitem(): dictionary is empty")
        pos = len(self._keys) - 1
        item = (self._keys[pos], self._values[pos])
        self._remove_at(pos)
        return item

    def clear(self):
        self._keys = []
        self._values = []
        self._index = {}

    def update(self, other):
        for key, value in other.items():
            self[key] = value

    def copy(self):
        result = self.__class__(self.key_eq, self.key_hash)
        result.update(self)
        return result

    def __repr__(self):
        parts = ["%r: %r" % (self._keys[i], self._values[i]) for i in range(len(self._keys))]
        return "r_dict({%s})" % (", ".join(parts),)


class r_ordereddict(r_dict):
    """r_dict is already ordered; kept as its own name, as in RPython."""


def _eq_default(a, b):
    return a == b


def iterkeys_with_hash(d):
    for k in d:
        yield (k, compute_hash(k) if not isinstance(d, r_dict) else d._hash(k))


def iteritems_with_hash(d):
    for k in d:
        h = compute_hash(k) if not isinstance(d, r_dict) else d._hash(k)
        yield (k, d[k], h)


def contains_with_hash(d, key, h):
    return key in d


def setitem_with_hash(d, key, h, value):
    d[key] = value


def getitem_with_hash(d, key, h):
    return d[key]


def delitem_with_hash(d, key, h):
    del d[key]


def dict_to_switch(d):
    """A function looking `key` up in the constant dict `d` (KeyError if absent)."""
    def lookup(key):
        return d[key]
    return lookup


# ____________________________________________________________
# Symbolic values

class Symbolic(object):
    """A value known only once translated (a C constant, a size...)."""

    def annotation(self):
        return None

    def lltype(self):
        return None

    def __cmp__(self, other):
        if self is other:
            return 0
        raise TypeError("Symbolics cannot be compared! (%r, %r)" % (self, other))

    def __hash__(self):
        raise TypeError("Symbolics are not hashable! %r" % (self,))

    def __nonzero__(self):
        raise TypeError("Symbolics are not comparable! %r" % (self,))


class ComputedIntSymbolic(Symbolic):

    def __init__(self, compute_fn):
        self.compute_fn = compute_fn

    def __repr__(self):
        return '<ComputedIntSymbolic %r>' % (self.compute_fn,)


class CDefinedIntSymbolic(Symbolic):
    """An integer defined by the C expression `expr` once translated;
    `default` untranslated."""

    def __init__(self, expr, default=0):
        self.expr = expr
        self.default = default

    def __repr__(self):
        return '<CDefinedIntSymbolic %r>' % (self.expr,)


malloc_zero_filled = CDefinedIntSymbolic('MALLOC_ZERO_FILLED', default=0)
running_on_llinterp = CDefinedIntSymbolic('RUNNING_ON_LLINTERP', default=1)


class UnboxedValue(object):
    """Mixin for classes with exactly one integer field (named by
    __slots__), which translation may represent as a tagged pointer."""
    _mixin_ = True

    def __init__(self, value):
        slots = self.__class__.__slots__
        if isinstance(slots, str):
            name = slots
        else:
            name = slots[0]
        if not (-sys.maxint - 1 <= value * 2 + 1 <= sys.maxint):
            raise OverflowError("UnboxedValue: argument out of range")
        setattr(self, name, value)

    def get_untagged_value(self):
        slots = self.__class__.__slots__
        if isinstance(slots, str):
            return getattr(self, slots)
        return getattr(self, slots[0])


# ____________________________________________________________
# Mixins

def _func_copy(func):
    f = types.FunctionType(func.func_code, func.func_globals, func.func_name,
                           func.func_defaults, func.func_closure)
    for key, value in func.__dict__.items():
        setattr(f, key, value)
    return f


def _mro(cls):
    mro = getattr(cls, '__mro__', None)
    if mro is not None:
        return list(mro)
    # Old-style class: depth-first, left to right.
    result = [cls]
    for base in cls.__bases__:
        for c in _mro(base):
            if c not in result:
                result.append(c)
    return result


def mixin_namespace(M, special_methods=['__init__', '__del__']):
    """The attributes import_from_mixin(M) adds to a class: every attribute
    of M and its bases (the nearest wins), except names like __xxx__ not
    in special_methods; functions and staticmethods are fresh copies."""
    flat = {}
    order = []
    for base in _mro(M):
        if base is object:
            continue
        for key, value in base.__dict__.items():
            if key.startswith('__') and key.endswith('__') and key not in special_methods:
                continue
            if key in flat:
                continue
            if isinstance(value, types.FunctionType):
                value = _func_copy(value)
            elif isinstance(value, staticmethod):
                value = staticmethod(_func_copy(value.__func__))
            elif isinstance(value, classmethod):
                raise AssertionError("import_from_mixin: classmethods are not supported")
            flat[key] = value
            order.append(key)
    return flat, order


def import_from_mixin(M, special_methods=['__init__', '__del__']):
    """Copies the methods and class attributes of class M into the class
    body being executed (call it from a class body)."""
    flat, order = mixin_namespace(M, special_methods)
    target = sys._getframe(1).f_locals
    for key in order:
        if key in target:
            raise Exception("import_from_mixin: would overwrite the value "
                            "already defined locally for %r" % (key,))
        if key == '_mixin_':
            raise Exception("import_from_mixin(M): class M should not "
                            "have '_mixin_ = True'")
        target[key] = flat[key]
