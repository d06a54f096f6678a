import random

from rpython.rlib.listsort import TimSort, make_timsort_class


def lists(rnd):
    yield []
    yield [1]
    yield [2, 1]
    yield range(100)
    yield range(100, 0, -1)
    yield [5] * 50
    for n in [3, 10, 63, 64, 65, 127, 128, 129, 500, 1000, 3000]:
        yield [rnd.randrange(n) for _ in range(n)]
        yield [rnd.randrange(5) for _ in range(n)]
        # Partially sorted: runs glued together.
        l = []
        while len(l) < n:
            run = sorted(rnd.randrange(1000) for _ in range(rnd.randrange(1, 80)))
            if rnd.random() < 0.5:
                run.reverse()
            l.extend(run)
        yield l


def test_sorts_like_sorted():
    rnd = random.Random(1)
    for l in lists(rnd):
        expected = sorted(l)
        TimSort(l).sort()
        assert l == expected


def test_floats_and_strings():
    rnd = random.Random(2)
    l = [rnd.random() for _ in range(777)]
    expected = sorted(l)
    TimSort(l).sort()
    assert l == expected
    l = [''.join(rnd.choice('abc') for _ in range(rnd.randrange(5))) for _ in range(500)]
    expected = sorted(l)
    TimSort(l).sort()
    assert l == expected


class KeySort(TimSort):
    """Compares only the first item of the tuples."""
    def lt(self, a, b):
        return a[0] < b[0]


def test_stable():
    rnd = random.Random(3)
    for n in [10, 64, 65, 200, 1000, 5000]:
        for keys in [5, 50, n]:
            l = [(rnd.randrange(keys), i) for i in range(n)]
            expected = sorted(l, key=lambda t: t[0])    # sorted() is stable
            KeySort(l).sort()
            assert l == expected, (n, keys)


def test_stable_descending_runs():
    # A descending run must be strictly descending to be reversed safely.
    l = [(3, 0), (2, 1), (2, 2), (1, 3)] * 40
    expected = sorted(l, key=lambda t: t[0])
    KeySort(l).sort()
    assert l == expected


def test_listlength():
    l = [5, 4, 3, 2, 1]
    TimSort(l, 3).sort()
    assert l == [3, 4, 5, 2, 1]


def test_custom_functions():
    class Box(object):
        def __init__(self, items):
            self.items = items

    def getitem(box, i):
        return box.items[i]

    def setitem(box, i, v):
        box.items[i] = v

    def length(box):
        return len(box.items)

    def getitem_slice(box, start, stop):
        return box.items[start:stop]

    def lt(a, b):
        return a > b           # descending

    Sort = make_timsort_class(getitem, setitem, length, getitem_slice, lt)
    rnd = random.Random(4)
    items = [rnd.randrange(100) for _ in range(300)]
    box = Box(list(items))
    Sort(box).sort()
    assert box.items == sorted(items, reverse=True)
    assert Sort is not TimSort
    DescSort = make_timsort_class(lt=lt)
    l = list(items)
    DescSort(l).sort()
    assert l == sorted(items, reverse=True)


class Boom(Exception):
    pass


def test_exception_in_lt_keeps_a_permutation():
    rnd = random.Random(5)
    for limit in [10, 100, 1000, 3000, 5000]:
        items = [rnd.randrange(1000) for _ in range(1000)]
        count = [0]

        class FailingSort(TimSort):
            def lt(self, a, b):
                count[0] += 1
                if count[0] > limit:
                    raise Boom
                return a < b

        l = list(items)
        try:
            FailingSort(l).sort()
        except Boom:
            pass
        assert sorted(l) == sorted(items)
