order = []
def k(x): order.append('k%d' % x); return x
def v(x): order.append('v%d' % x); return x
d = {k(1): v(1), k(2): v(2)}
e = {k(i): v(i) for i in range(3, 5)}
print order
print sorted(globals().keys())[:3], globals().get('order') is order, 'k' in globals()
class A(object):
    def __eq__(self, o): return True
    def __hash__(self): return 1
print A() == 5, 5 == A(), A() in [1], [A()] == [2]
print str(type(1)), str(int), repr(str), dict, len, A.__init__ if False else None
print [x for x in 'abc' if x != 'b'], [(i, j) for i in range(3) for j in range(i)]
a = b = c = 5; print a, b, c
x = [1, 2, 3]; x[0], x[1] = x[1], x[0]; print x
i = 0
while i < 10:
    i += 1
    if i % 2: continue
    if i > 6: break
    print i,
print
print chr(0x41) + unichr(0x42), u'\u20ac'.encode('utf-8') == '\xe2\x82\xac', '\xe2\x82\xac'.decode('utf-8') == u'\u20ac', len(u'\u20ac')
print u'abc'.upper(), u'a,b'.split(u','), u'  x '.strip(), u'%s=%d' % (u'k', 3), u'{0}'.format(1), unicode(5), u'ab' * 2, u'b' in u'abc'
print 'a' == u'a', {u'a': 1}['a'], {'b': 2}[u'b'], sorted([u'b', 'a'])
print sum([[1], [2]], []), max('abc', key=lambda c: -ord(c)), min([3, 1, 2], key=lambda x: -x)
print [].__class__.__name__ if hasattr([], '__class__') else 'list'
print isinstance(A, type), isinstance(A(), object), isinstance(5, object), issubclass(bool, int), type(True) is bool, type(3) == int
print 1 if [] else 2, 3 if {} else 4, 5 if set() else 6, 7 if '0' else 8, 9 if 0.0 else 10
print divmod(-7, 2), -7 // 2, -7 % 2, 7 // -2.0, -7.5 % 2, 2 ** 0.5 > 1.41, 10 / 4, 10 / 4.0, 1e300 * 1e10
print '%s' % None, '%s' % True, '%d' % True, str(-0.0), repr(-0.0), 0.0 == -0.0
print list(xrange(0)), range(-3), range(5, 0, -2), [0, 1, 2][-1:], 'hello'[-3:], 'hello'[10:], 'hello'[1:-1], 'hello'[::-2]
print len(range(0, 100, 7)), range(0, -10, -3)
print tuple(enumerate('ab', 5)), dict(zip('abc', range(3))) == {'a': 0, 'b': 1, 'c': 2}
print reduce(lambda a, b: a * b, range(1, 6)), all(x > 0 for x in [1, 2]), any(x > 5 for x in [1, 2])
print "a b".split(" "), "a  b".split(" "), "".split(), "".split(","), ",".split(","), "abc".split("abc")
print "x".join("abc"), "%5.1f%%" % 99.5, "%-3d|" % 5, "%3d|" % -5, "%+05d" % 3, "%x" % 3735928559, "%#X" % 255
