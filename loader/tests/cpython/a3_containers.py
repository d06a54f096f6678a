l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.insert(-1, 9)
print l, l.pop(), l.pop(0), l, l.index(2), l.count(1), len(l)
l.remove(9); l.reverse(); print l
l.sort(); print l, sorted([3, 1, 2], reverse=True), sorted(['b', 'A', 'c'], key=str.lower), sorted([(2, 'a'), (1, 'b')])
print sorted([3, 1, 2], cmp=lambda a, b: b - a), l[1:3], l[::-1], l[-2:], [1, 2] + [3], [0] * 3, [[1]] * 2
l2 = l[:]; l2[0] = 100; l2[1:3] = ['a', 'b', 'c']; del l2[-1]; print l2, l
del l2[0:2]; print l2
d = {'a': 1, 'b': 2}
d['c'] = 3; print sorted(d.items()), d['a'], d.get('z'), d.get('z', 0), 'a' in d, 'z' not in d, len(d)
print sorted(d.keys()), sorted(d.values()), d.pop('a'), d.setdefault('q', 7), d.has_key('q'), sorted(d)
d2 = dict(d); d2.update({'x': 1}, y=2); print sorted(d2.items()), dict([(1, 2), (3, 4)]), dict(a=1)
del d2['x']; print sorted(d2.keys())
print dict.fromkeys(['a', 'b'], 0) == {'a': 0, 'b': 0}, {1: 'x'}.get(1.0), {True: 'y'}[1], {(1, 2): 'tup'}[(1, 2)], {(1, (2, 3)): 5}[1, (2, 3)]
t = (1, 2, 3)
print t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2, t.index(2), t.count(1), (1,), (), tuple([1, 2]), 2 in t
a, b, c = t; print a, b, c
(x, y), z = (1, 2), 3; print x, y, z
first, second = 'ab'; print first, second
print sorted(set([1, 2]).union([3])), sorted(set([1, 2, 3]).intersection([2, 3, 4])), sorted(set([1, 2, 3]).difference([2]))
print [x * 2 for x in range(5) if x % 2], [(x, y) for x in range(2) for y in 'ab'], {k: v for k, v in [(1, 2)]}, sorted({x % 3 for x in range(10)})
print list(x + 1 for x in range(3)), sum(x for x in [1, 2, 3]), any([0, 1]), all([1, 0]), any([]), all([])
print map(lambda x: x * x, [1, 2, 3]), map(None, [1, 2]), filter(None, [0, 1, 2, '']), filter(lambda c: c != 'a', 'banana'), reduce(lambda a, b: a + b, [1, 2, 3], 10)
print list(reversed([1, 2, 3])), list(reversed('abc')), list('abc'), tuple('ab'), list({'k': 1}), sorted(set('hello'))
it = iter([1, 2]); print next(it), next(it), next(it, 'done')
print [1, 2] == [1, 2], [1, 2] != [1, 3], [1, [2, 3]] == [1, [2, 3]], {'a': [1]} == {'a': [1]}, (1, 2) == [1, 2]
nested = [[0] * 2 for _ in range(2)]; nested[0][0] = 1; print nested
m = {}; 
for i in range(5): m.setdefault(i % 2, []).append(i)
print m
print isinstance(1, int), isinstance(True, int), isinstance('a', basestring), isinstance(u'a', str), isinstance([], (list, tuple)), isinstance(1L, (int, long)), isinstance(1.0, float)
print type([]) is list, type({}) == dict, type(()) is tuple, type('') is str, type(None), type(1), type(len), type(type)
s = set([1, 2]); print sorted(s | set([9])), sorted(s & set([2])), sorted(s - set([1])), sorted(s ^ set([2, 3])), range(5), range(2, 10, 3), list(enumerate('ab')), zip([1, 2], 'ab', [True, False, None])
