"""unrolling_iterable(iterable): a constant sequence whose `for` loops the
translator unrolls (the loop body is built once per item, with the item a
constant).

The flow graph builder recognizes an instance of a class named
`unrolling_iterable` (or a subclass) and reads its `_items` attribute, a
tuple.  Untranslated, it iterates over the items like a tuple.
"""


class SpecTag(object):
    """A constant the translator keeps as a frozen prebuilt object."""

    def __repr__(self):
        return '%s(0x%x)' % (self.__class__.__name__, id(self))

    def _freeze_(self):
        return True


class unrolling_iterable(SpecTag):

    def __init__(self, iterable):
        self._items = tuple(iterable)

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return 'unrolling_iterable(%r)' % (list(self._items),)

    def get_unroller(self):
        return unroller(self._items, 0)


class unroller(object):
    """The items of an unrolling_iterable one at a time: step() returns
    (item, next unroller), or (None, None) past the end."""

    def __init__(self, items, i):
        self._items = items
        self._i = i

    def step(self):
        if self._i >= len(self._items):
            return None, None
        return self._items[self._i], unroller(self._items, self._i + 1)

    def _freeze_(self):
        return True
