"""The Mersenne Twister (MT19937) random number generator for RPython
programs.

Random(seed=0) seeds the generator the way RPython's rrandom does: with
init_genrand(seed), the reference MT19937 seeding by one 32-bit word (the
seed is taken modulo 2**32).  CPython's random.Random(n) seeds differently,
with init_by_array(the 32-bit words of abs(n)); to reproduce CPython's
sequence for an integer seed n, call init_by_array(words) (the helper
Random.from_cpython_seed(n) does it).  After either seeding, random(),
genrand32() and jumpahead(n) produce exactly what CPython 2.7's random
module produces from the same state.

Written in the RPython subset: the state words are plain ints below 2**32
(every intermediate product stays below 2**63 on 64-bit machines).
"""

from rpython.rlib.rarithmetic import r_uint, intmask

N = 624
M = 397
MATRIX_A = 0x9908b0df
UPPER_MASK = 0x80000000
LOWER_MASK = 0x7fffffff
MASK_32 = 0xffffffff
MAGIC_CONSTANT_A = 1812433253
MAGIC_CONSTANT_B = 19650218
MAGIC_CONSTANT_C = 1664525
MAGIC_CONSTANT_D = 1566083941
TEMPERING_MASK_B = 0x9d2c5680
TEMPERING_MASK_C = 0xefc60000


class Random(object):

    def __init__(self, seed=0):
        self.state = [0] * N
        self.index = 0
        self.init_genrand(intmask(seed) & MASK_32)

    @staticmethod
    def from_cpython_seed(n):
        """A Random in the state CPython 2.7's random.Random(n) starts in
        (n an int; its absolute value is used)."""
        if n < 0:
            n = -n
        key = []
        while n:
            key.append(n & MASK_32)
            n >>= 32
        if not key:
            key = [0]
        r = Random()
        r.init_by_array(key)
        return r

    def init_genrand(self, s):
        mt = self.state
        mt[0] = s & MASK_32
        i = 1
        while i < N:
            prev = mt[i - 1]
            mt[i] = (MAGIC_CONSTANT_A * (prev ^ (prev >> 30)) + i) & MASK_32
            i += 1
        self.index = N

    def init_by_array(self, init_key):
        """Seeds with a list of 32-bit words (CPython's seeding)."""
        self.init_genrand(MAGIC_CONSTANT_B)
        mt = self.state
        key_length = len(init_key)
        i = 1
        j = 0
        k = N
        if key_length > N:
            k = key_length
        while k > 0:
            prev = mt[i - 1]
            mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * MAGIC_CONSTANT_C)) +
                     (intmask(init_key[j]) & MASK_32) + j) & MASK_32
            i += 1
            j += 1
            if i >= N:
                mt[0] = mt[N - 1]
                i = 1
            if j >= key_length:
                j = 0
            k -= 1
        k = N - 1
        while k > 0:
            prev = mt[i - 1]
            mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * MAGIC_CONSTANT_D)) - i) & MASK_32
            i += 1
            if i >= N:
                mt[0] = mt[N - 1]
                i = 1
            k -= 1
        mt[0] = UPPER_MASK
        self.index = N

    def _next_word(self):
        """The next tempered 32-bit output, as an int."""
        mt = self.state
        if self.index >= N:
            kk = 0
            while kk < N - M:
                y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK)
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ ((y & 1) * MATRIX_A)
                kk += 1
            while kk < N - 1:
                y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK)
                mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ ((y & 1) * MATRIX_A)
                kk += 1
            y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK)
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ ((y & 1) * MATRIX_A)
            self.index = 0
        y = mt[self.index]
        self.index += 1
        y ^= y >> 11
        y ^= (y << 7) & TEMPERING_MASK_B
        y ^= (y << 15) & TEMPERING_MASK_C
        y ^= y >> 18
        return y

    def genrand32(self):
        """The next 32-bit output, as an r_uint."""
        return r_uint(self._next_word())

    def random(self):
        """A float in [0.0, 1.0) with 53 random bits."""
        a = self._next_word() >> 5
        b = self._next_word() >> 6
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)

    def jumpahead(self, n):
        """Changes the state in a way that depends on n: a permutation of
        the state words, then mt[i] += i + 1 (what CPython 2.7's C-level
        _random.Random.jumpahead does; random.Random.jumpahead first
        replaces n by a hash of n and the state)."""
        mt = self.state
        i = N - 1
        while i > 1:
            j = n % i
            mt[i], mt[j] = mt[j], mt[i]
            i -= 1
        i = 0
        while i < N:
            mt[i] = (mt[i] + i + 1) & MASK_32
            i += 1
        self.index = N

    def getstate(self):
        """(a copy of the state words, index)."""
        return list(self.state), self.index

    def setstate(self, words, index):
        assert len(words) == N
        self.state = [intmask(w) & MASK_32 for w in words]
        self.index = index
