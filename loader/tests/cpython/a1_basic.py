x = 5
y = x * 3 + 2 ** 10 - 7 // 2 % 3
print x, y
print 7 / 2, -7 / 2, 7 % -3, -7 % 3, 7.0 / 2, 2 ** -1, 10 // 3.0
print 1 << 70, (1 << 63) - 1, -(1 << 63), 9223372036854775807 + 1
print 0xff, 0777, 1L, 10 ** 20, type(10**20), type(5)
print 3.5, 1.0/3, 1e16, 1e-5, 0.1 + 0.2, 2.0 ** 0.5, float('inf'), -0.0
print repr(1.0/3), repr(0.1), str(1e22), repr(123456789.0), 100.0
print True + True, True & False, True | False, not 0, ~5, -(-3)
print abs(-3), abs(-2.5), divmod(7, -2), divmod(7.5, 2), pow(2, 10, 1000), round(2.5), round(-2.5), round(1.2345, 2)
print int('42'), int(' -7 '), int('ff', 16), int('0x1f', 0), int(3.9), int(-3.9), long(5), float('1.5'), float(3)
print hex(255), oct(8), hex(-1), bin(5), hex(2**70), chr(65), ord('a'), unichr(233) == u'\xe9'
print min(3, 1, 2), max([4, 9, 2]), min('abc'), max(1, 2.5), sum([1, 2, 3]), sum([0.5, 0.25], 1)
print cmp(1, 2), cmp('b', 'a'), cmp((1, 2), (1, 2))
print 1 < 2 < 3, 1 < 2 > 5, 1 == 1.0, 'a' < 'b', (1, 2) < (1, 3), [1] == [1], None < 0, 2 < 'a'
print 5 if x > 3 else 6, x and 0, x or 0, 0 or [] or 'z', None is None, 1 is not None
