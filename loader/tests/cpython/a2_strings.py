s = "Hello, World"
print s.lower(), s.upper(), s[0], s[-1], s[1:5], s[::-1], s[::2], s[7:], s[:-3], len(s)
print s.split(', '), 'a b  c '.split(), 'a,b,,c'.split(','), 'a b c'.split(None, 1), 'a,b,c'.rsplit(',', 1)
print ' x '.strip(), 'xxhixx'.strip('x'), ' a'.lstrip(), 'a '.rstrip() + '|'
print '-'.join(['a', 'b', 'c']), ''.join([]), s.replace('o', '0'), s.replace('l', 'L', 2)
print s.startswith('Hell'), s.endswith('d'), s.find('o'), s.rfind('o'), s.find('z'), s.count('l'), s.index('W')
print 'abc'.isalpha(), '123'.isdigit(), ' '.isspace(), 'a1'.isalnum(), ''.isdigit(), 'ABC'.isupper(), 'abc'.islower()
print 'a\nb\r\nc'.splitlines(), 'x'.zfill(3), '-5'.zfill(4), 'ab'.ljust(5) + '|', 'ab'.rjust(5), 'ab'.center(7, '*'), 'abc'.center(6)
print 'hello world'.title(), 'hello'.capitalize(), 'a=b=c'.partition('='), 'a=b=c'.rpartition('='), 'aBc'.swapcase()
print 'abc' * 3, 'ab' + 'cd', 'b' in 'abc', 'z' not in 'abc', 'abc' < 'abd', str(5) + str(2.5) + str(None) + str(True)
print repr('it\'s'), repr("a\"b"), repr('x\ny\t\x00\xff'), repr(u'caf\xe9'), `42`, repr([1, 'a', (2,)])
print '%d %s %r %x %X %o %5.2f %-5d| %05d %+d %e %g %g %c %%' % (42, 'str', 'r', 255, 255, 8, 3.14159, 7, 42, 5, 12345.678, 0.0001, 1e20, 65)
print '%(a)s and %(b)d' % {'a': 'A', 'b': 2}, '%s' % (1,), '%s' % [1, 2], '%3s|%-3s|' % ('a', 'b'), '%.3s' % 'abcdef', '%#x %#o' % (255, 8)
print '{} {}'.format(1, 'a'), '{0}{1}{0}'.format('x', 'y'), '{name}!'.format(name='n'), '{:>5}|{:<5}|{:^5}|'.format('a', 'b', 'c'), '{:.2f} {:05d} {:x}'.format(3.14159, 42, 255)
u = u'h\xe9llo'
print len(u), u.upper() == u'H\xc9LLO', u[1:3] == u'\xe9l', u.encode('utf-8') == 'h\xc3\xa9llo', 'abc'.decode('ascii') == u'abc', type(u'a' + 'b')
print 'a%sb' % u'x' == u'axb', str(u'abc'), unicode('abc') == u'abc', u'x'.join([u'a', 'b']) == u'axb'
print 'abc'.encode('utf-8'), '\t'.expandtabs(4) + '|', 'a\tb'.expandtabs(), 'ab'.istitle(), 'Ab Cd'.istitle()
print "%s" % 1.5, "%s" % 1e16, "%r" % 0.1, "%d" % 3.99, "%.0f" % 2.5, "%.0f" % 3.5, "%s" % (1L << 64)
