"""A stable merge sort (TimSort) for RPython lists.

make_timsort_class(getitem=None, setitem=None, length=None,
                   getitem_slice=None, lt=None)
returns a class TimSort: TimSort(list, listlength=None).sort() sorts `list`
in place, stably.  The optional functions say how to read and write the
list-like object (getitem(list, i), setitem(list, i, item), length(list),
getitem_slice(list, start, stop)) and how to compare (lt(a, b)); by default
it is a real list compared with `<`.  Subclasses may override the method
lt(self, a, b) instead.  `listlength` sorts only the first items.

The algorithm is Tim Peters' merge sort: natural runs (descending runs are
reversed), short runs extended with binary insertion sort to a minimum
length, and a stack of pending runs merged so that their lengths keep the
invariants A > B + C and B > C; merges copy the shorter run aside.  It is
written in the RPython subset.  rpython.rlib.listsort.TimSort is
make_timsort_class().
"""

MIN_GALLOP = 7


def make_timsort_class(getitem=None, setitem=None, length=None,
                       getitem_slice=None, lt=None):

    if getitem is None:
        def getitem(list, item):
            return list[item]

    if setitem is None:
        def setitem(list, item, value):
            list[item] = value

    if length is None:
        def length(list):
            return len(list)

    if getitem_slice is None:
        def getitem_slice(list, start, stop):
            return list[start:stop]

    if lt is None:
        def lt(a, b):
            return a < b

    class TimSort(object):
        """TimSort(list, listlength=None).sort() sorts list in place."""

        def __init__(self, list, listlength=None):
            self.list = list
            if listlength is None:
                listlength = length(list)
            self.listlength = listlength
            self.run_base = []
            self.run_len = []

        def lt(self, a, b):
            return lt(a, b)

        def le(self, a, b):
            return not self.lt(b, a)

        def _get(self, i):
            return getitem(self.list, i)

        def _set(self, i, value):
            setitem(self.list, i, value)

        def _reverse(self, lo, hi):
            """Reverses list[lo:hi]."""
            hi -= 1
            while lo < hi:
                a = self._get(lo)
                self._set(lo, self._get(hi))
                self._set(hi, a)
                lo += 1
                hi -= 1

        def _binary_sort(self, lo, hi, start):
            """list[lo:start] is sorted: inserts list[start:hi] into it."""
            if start == lo:
                start += 1
            while start < hi:
                pivot = self._get(start)
                left = lo
                right = start
                # Insert after the equal items (stability).
                while left < right:
                    mid = (left + right) >> 1
                    if self.lt(pivot, self._get(mid)):
                        right = mid
                    else:
                        left = mid + 1
                p = start
                while p > left:
                    self._set(p, self._get(p - 1))
                    p -= 1
                self._set(left, pivot)
                start += 1

        def _count_run(self, lo, hi):
            """The length of the run starting at lo, made ascending (a
            strictly descending run is reversed in place)."""
            n = 1
            if lo + 1 >= hi:
                return n
            if self.lt(self._get(lo + 1), self._get(lo)):
                # Strictly descending.
                n = 2
                p = lo + 2
                while p < hi and self.lt(self._get(p), self._get(p - 1)):
                    n += 1
                    p += 1
                self._reverse(lo, lo + n)
            else:
                n = 2
                p = lo + 2
                while p < hi and not self.lt(self._get(p), self._get(p - 1)):
                    n += 1
                    p += 1
            return n

        def _merge_lo(self, base_a, len_a, base_b, len_b):
            """Merges the adjacent runs a (copied aside; the shorter) and b."""
            tmp = getitem_slice(self.list, base_a, base_a + len_a)
            i = 0                  # in tmp
            j = base_b             # in the list, run b
            end_b = base_b + len_b
            dest = base_a
            try:
                while i < len_a and j < end_b:
                    bj = self._get(j)
                    if self.lt(bj, tmp[i]):
                        self._set(dest, bj)
                        j += 1
                    else:
                        self._set(dest, tmp[i])
                        i += 1
                    dest += 1
            finally:
                # Also if lt() raised: the list stays a permutation.
                while i < len_a:
                    self._set(dest, tmp[i])
                    i += 1
                    dest += 1

        def _merge_hi(self, base_a, len_a, base_b, len_b):
            """Merges the adjacent runs a and b (copied aside; the shorter),
            from the right."""
            tmp = getitem_slice(self.list, base_b, base_b + len_b)
            i = len_b - 1          # in tmp
            j = base_a + len_a - 1  # in the list, run a
            dest = base_b + len_b - 1
            try:
                while i >= 0 and j >= base_a:
                    aj = self._get(j)
                    if self.lt(tmp[i], aj):
                        self._set(dest, aj)
                        j -= 1
                    else:
                        self._set(dest, tmp[i])
                        i -= 1
                    dest -= 1
            finally:
                while i >= 0:
                    self._set(dest, tmp[i])
                    i -= 1
                    dest -= 1

        def _merge_at(self, i):
            """Merges the pending runs i and i + 1."""
            base_a = self.run_base[i]
            len_a = self.run_len[i]
            base_b = self.run_base[i + 1]
            len_b = self.run_len[i + 1]
            self.run_len[i] = len_a + len_b
            del self.run_base[i + 1]
            del self.run_len[i + 1]
            # Items of a already before b[0], and of b already after a[-1],
            # stay where they are.
            b0 = self._get(base_b)
            while len_a > 0 and not self.lt(b0, self._get(base_a)):
                base_a += 1
                len_a -= 1
            if len_a == 0:
                return
            a_last = self._get(base_a + len_a - 1)
            while len_b > 0 and not self.lt(self._get(base_b + len_b - 1), a_last):
                len_b -= 1
            if len_b == 0:
                return
            if len_a <= len_b:
                self._merge_lo(base_a, len_a, base_b, len_b)
            else:
                self._merge_hi(base_a, len_a, base_b, len_b)

        def _merge_collapse(self):
            """Merges pending runs until their lengths satisfy the invariants."""
            while len(self.run_len) > 1:
                n = len(self.run_len) - 2
                p = self.run_len
                if ((n > 0 and p[n - 1] <= p[n] + p[n + 1]) or
                        (n > 1 and p[n - 2] <= p[n - 1] + p[n])):
                    if p[n - 1] < p[n + 1]:
                        n -= 1
                    self._merge_at(n)
                elif p[n] <= p[n + 1]:
                    self._merge_at(n)
                else:
                    break

        def _merge_force_collapse(self):
            while len(self.run_len) > 1:
                n = len(self.run_len) - 2
                if n > 0 and self.run_len[n - 1] < self.run_len[n + 1]:
                    n -= 1
                self._merge_at(n)

        def _min_run(self, n):
            r = 0
            while n >= 64:
                r |= n & 1
                n >>= 1
            return n + r

        def sort(self):
            n = self.listlength
            if n < 2:
                return
            self.run_base = []
            self.run_len = []
            min_run = self._min_run(n)
            lo = 0
            remaining = n
            while remaining > 0:
                run = self._count_run(lo, lo + remaining)
                if run < min_run:
                    force = min_run
                    if force > remaining:
                        force = remaining
                    self._binary_sort(lo, lo + force, lo + run)
                    run = force
                self.run_base.append(lo)
                self.run_len.append(run)
                self._merge_collapse()
                lo += run
                remaining -= run
            self._merge_force_collapse()
            assert len(self.run_len) == 1
            assert self.run_base[0] == 0
            assert self.run_len[0] == n

    return TimSort


TimSort = make_timsort_class()
