import random

from rpython.rlib.rstring import (
    StringBuilder, UnicodeBuilder, split, rsplit, replace, replace_count, find, rfind,
    count, startswith, endswith, strip_spaces, ParseStringError, NumberStringParser)


def raises(exc, func, *args):
    try:
        func(*args)
    except exc, e:
        return e
    raise AssertionError("%s not raised" % exc.__name__)


def test_string_builder():
    b = StringBuilder()
    assert b.build() == '' and b.getlength() == 0
    b.append('abc')
    b.append_slice('0123456', 2, 5)
    b.append_multiple_char('x', 3)
    b.append_multiple_char('y', 0)
    b.append('')
    assert b.getlength() == 9
    assert b.build() == 'abc234xxx'
    b.append('!')
    assert b.build() == 'abc234xxx!'
    assert b.getlength() == 10
    raises(AssertionError, b.append, u'unicode')
    raises(AssertionError, b.append_slice, 'abc', 2, 1)
    b2 = StringBuilder(1000)
    for i in range(100):
        b2.append(str(i))
    assert b2.build() == ''.join(str(i) for i in range(100))


def test_unicode_builder():
    b = UnicodeBuilder()
    b.append(u'\u1234a')
    b.append_slice(u'hello', 1, 3)
    b.append_multiple_char(u'z', 2)
    assert b.build() == u'\u1234aelzz'
    assert type(b.build()) is unicode
    assert b.getlength() == 6
    raises(AssertionError, b.append, 'bytes')


def random_strings(rnd, alphabet, n):
    for _ in range(n):
        yield ''.join(rnd.choice(alphabet) for _ in range(rnd.randrange(12)))


def test_split_rsplit_like_str():
    rnd = random.Random(1)
    for s in random_strings(rnd, 'ab, \t\n', 2000):
        for by in [None, ',', 'a', 'ab', ', ', 'aa']:
            for maxsplit in [-1, 0, 1, 2, 5]:
                assert split(s, by, maxsplit) == s.split(by, maxsplit), (s, by, maxsplit)
                assert rsplit(s, by, maxsplit) == s.rsplit(by, maxsplit), (s, by, maxsplit)
        assert split(s) == s.split()
        assert rsplit(s) == s.rsplit()
    u = u'a\u2000b  c\u3000'
    assert split(u) == u.split()
    assert rsplit(u, u'b') == u.rsplit(u'b')
    raises(ValueError, split, 'abc', '')
    raises(ValueError, rsplit, 'abc', '')


def test_replace_like_str():
    rnd = random.Random(2)
    for s in random_strings(rnd, 'abc', 2000):
        for sub in ['', 'a', 'ab', 'abc', 'cc', 'x']:
            for by in ['', 'X', 'YY']:
                for maxcount in [-1, 0, 1, 2, 10]:
                    assert replace(s, sub, by, maxcount) == s.replace(sub, by, maxcount), (s, sub, by, maxcount)
    assert replace_count('aaa', 'a', 'b') == ('bbb', 3)
    assert replace_count('abc', '', '-') == ('-a-b-c-', 4)
    assert replace(u'\u1234ab', u'a', u'\u5678') == u'\u1234\u5678b'


def test_find_family():
    rnd = random.Random(3)
    for s in random_strings(rnd, 'ab', 500):
        for other in ['', 'a', 'ab', 'ba', 'bbb']:
            for start in [0, 1, 3]:
                for end in [0, 2, 5, 100]:
                    assert find(s, other, start, end) == s.find(other, start, end)
                    assert rfind(s, other, start, end) == s.rfind(other, start, end)
                    assert count(s, other, start, end) == s.count(other, start, end)
                    assert startswith(s, other, start, end) == s.startswith(other, start, end), (s, other, start, end)
                    assert endswith(s, other, start, end) == s.endswith(other, start, end), (s, other, start, end)
            assert find(s, other) == s.find(other)
            assert startswith(s, other) == s.startswith(other)
            assert endswith(s, other) == s.endswith(other)


def test_strip_spaces():
    assert strip_spaces('  a b \t\n') == 'a b'
    assert strip_spaces('') == ''
    assert strip_spaces(' \x0b\x0c\r ') == ''
    assert strip_spaces('x') == 'x'


def test_number_parser():
    p = NumberStringParser(' -0x1F ', ' -0x1F ', 0, 'int')
    assert p.sign == -1 and p.base == 16
    assert [p.next_digit(), p.next_digit(), p.next_digit()] == [1, 15, -1]
    p.rewind()
    assert p.next_digit() == 1
    e = raises(ParseStringError, NumberStringParser, '', '', 10, 'long')
    assert e.msg == "invalid literal for long() with base 10: ''"
    assert str(e) == e.msg
