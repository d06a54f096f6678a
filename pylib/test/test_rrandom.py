import random

from rpython.rlib.rrandom import Random, N
from rpython.rlib.rarithmetic import r_uint


def _reference_init_genrand(s):
    mt = [0] * 624
    mt[0] = s & 0xffffffff
    for i in range(1, 624):
        mt[i] = (1812433253 * (mt[i - 1] ^ (mt[i - 1] >> 30)) + i) & 0xffffffff
    return mt


def test_reference_output():
    # The reference MT19937 outputs after init_genrand(5489).
    r = Random(5489)
    assert r.genrand32() == 3499211612
    assert r.genrand32() == 581869302
    assert isinstance(r.genrand32(), r_uint)


def test_seed_like_rpython_and_same_stream_as_cpython():
    # Random(seed) uses init_genrand(seed); from the same state CPython's
    # generator produces the same numbers.
    for seed in [0, 1, 42, 2 ** 32 - 1, 123456789]:
        r = Random(seed)
        c = random.Random()
        c.setstate((3, tuple(_reference_init_genrand(seed)) + (624,), None))
        for _ in range(1500):
            assert r.random() == c.random()


def test_cpython_seeding():
    for seed in [0, 1, 5, 42, 2 ** 32 - 1, 2 ** 32, 2 ** 100 + 12345, -7, 10 ** 40]:
        r = Random.from_cpython_seed(seed)
        c = random.Random(seed)
        for _ in range(1300):
            assert r.random() == c.random(), seed
        assert list(r.state) == list(c.getstate()[1][:N])


def test_init_by_array_long_key():
    key = [random.Random(3).getrandbits(32) for _ in range(700)]
    r = Random()
    r.init_by_array(key)
    n = 0
    for k in reversed(key):
        n = (n << 32) | k
    c = random.Random(n)
    for _ in range(100):
        assert r.random() == c.random()


def test_jumpahead():
    # CPython's random.Random.jumpahead first hashes n (in random.py); the
    # C-level _random.Random.jumpahead is the operation rrandom provides.
    import _random
    for seed, n in [(1, 1), (2, 12345), (3, 2 ** 70 + 5), (4, 0), (5, 623), (6, 7 ** 30)]:
        r = Random.from_cpython_seed(seed)
        c = random.Random(seed)
        for _ in range(10):
            assert r.random() == c.random()
        r.jumpahead(n)
        _random.Random.jumpahead(c, n)
        for _ in range(700):
            assert r.random() == c.random()


def test_random_range():
    r = Random(99)
    for _ in range(1000):
        x = r.random()
        assert 0.0 <= x < 1.0
