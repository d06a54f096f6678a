# str.split/rsplit with None and a count, replace with an empty pattern, round.
for s in ['a b  c  ', '  a b  c  ', 'a', '', '   ', 'a  ', '  a', ' a b ', 'a\tb\n c\x0b d\x0c\r']:
    for n in [-1, 0, 1, 2, 3, 10]:
        print repr(s), n, s.split(None, n), s.rsplit(None, n)
    print s.split(), s.rsplit()
for s in [u'a b  c  ', u'  x  y  ']:
    for n in [0, 1, 2]:
        print repr(s.split(None, n)), repr(s.rsplit(None, n))

for s in ['abc', '', 'a', 'ab']:
    for c in [None, -1, 0, 1, 2, 3, 4, 5]:
        r = s.replace('', '-') if c is None else s.replace('', '-', c)
        print repr(s), c, repr(r)
print repr(''.replace('', 'X')), repr(''.replace('', 'X', 1)), repr(''.replace('', 'X', 0)), repr(''.replace('', 'X', -1))
print repr(''.replace('', '')), repr('ab'.replace('', '')), repr(''.replace('a', 'X', 1))
print repr(u''.replace(u'', u'X', 1)), repr(u'ab'.replace(u'', u'-', 1)), repr(u''.replace(u'', u'X'))
print repr('aaa'.replace('a', 'b', 0)), repr('aaa'.replace('aa', 'b')), repr('aaa'.replace('a', 'bc', 2))

print round(2.675, 2), round(0.5), round(-0.5), round(1.5), round(2.5), round(-2.5), round(1234.5678, -2)
print round(-0.4), round(-4.0, -1), round(250, -2), round(-250, -2), round(0.125, 2), round(0.375, 2)
print repr(round(1e300, 5)), repr(round(1.7e308, -307)), repr(round(5e-324, 323)), repr(round(5e-324, 400))
print round(-3.0, -400), round(1e-10, 400), repr(round(0.1, 1)), repr(round(1.1e23, -22)), repr(round(1e23, -23))
print repr(round(5e22, -23)), repr(round(4.9e22, -23)), repr(round(1.5e23, -23)), repr(round(-1.5e23, -23))
print round(float('inf')), round(float('-inf')), round(float('nan')), round(-0.0), round(7, 0), round(True)
print round(10**20, -3), round(0.285, 2), round(1.005, 2), round(2.5, 0), round(0.05, 1), round(0.15, 1), round(0.25, 1)
print repr(round(123.456, 1)), repr(round(-123.456, -1)), repr(round(4503599627370497.0, -1)), repr(round(99.5)), repr(round(999.95, 1))
print repr(round(0.5, -1)), repr(round(5.0, -1)), repr(round(15.0, -1)), repr(round(-15.0, -1)), repr(round(45.0, -1))
print repr(round(1.23456789e-5, 7)), repr(round(123456789.123456789, 3)), repr(round(2.0 ** 60 + 2 ** 8, -3))
print round(2.5, ndigits=0), round(0.06, ndigits=1)
try:
    round(1.7e308, -308)
except OverflowError, e:
    print 'OverflowError:', e
x = 0.0
total = 0.0
while x < 10:
    total += round(x, 1) + round(x, 2) + round(-x, 1) * 2
    x += 0.013
print repr(total)
print [round(i / 8.0, 2) for i in range(-12, 13)]
print [round(i * 0.5) for i in range(-7, 8)]
# repr picks the even digit when two shortest candidates are equally close.
print repr(787808604946368.25), repr(-732468984207121.25), repr(923206672950737.25), repr(787808604946368.75)
print repr(round(787808604946368.25, 323)), repr(round(787808604946368.25, 1)), repr(round(787808604946368.25, 2))
