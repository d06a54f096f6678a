"""String helpers for RPython programs: builders, split/replace/find that
work the same on str and unicode, and the exceptions of number parsing.

Written in the RPython subset so that it translates: loops, slices with
non-negative bounds and the str methods the checklist lists; no imports
of other rlib modules except objectmodel (no import cycles).

  StringBuilder(init_size), UnicodeBuilder(init_size):
      append(s), append_slice(s, start, end), append_multiple_char(c, times),
      build(), getlength().  Untranslated, a builder checks that what is
      appended has its string type (AssertionError otherwise) and stays usable
      after build().
  split(value, by=None, maxsplit=-1), rsplit(...): like str.split/rsplit.
  replace(input, sub, by, maxcount=-1): like str.replace;
  replace_count(...) also returns the number of replacements.
  find, rfind, count(value, other, start=0, end=maxint);
  startswith, endswith(value, affix, start=0, end=maxint).
  strip_spaces(s): strip the ASCII white space at both ends.
  ParseStringError(msg) (.msg), InvalidBaseError(msg),
  ParseStringOverflowError(parser) (.parser: the NumberStringParser, whose
  rewind() lets a caller retry with big integers).
  NumberStringParser(s, literal, base, fname, allow_underscores=False,
      no_implicit_octal=False): .sign, .base, next_digit() (-1 at the end),
      rewind(), error().  Shared by rarithmetic.string_to_int and
      rbigint.fromstr.
"""

import sys

from rpython.rlib.objectmodel import specialize

INIT_SIZE = 100


# ____________________________________________________________
# Builders

# StringBuilder and UnicodeBuilder are two independent classes (not one
# base class) so that, translated, each has its own list of str or unicode;
# one factory, run at import time, writes both.

def _make_builder(chartype, empty):
    class Builder(object):

        def __init__(self, init_size=INIT_SIZE):
            self._pieces = []
            self._size = 0

        def append(self, s):
            assert isinstance(s, chartype)
            if s:
                self._pieces.append(s)
                self._size += len(s)

        def append_slice(self, s, start, end):
            assert isinstance(s, chartype)
            assert 0 <= start <= end <= len(s)
            if start < end:
                self._pieces.append(s[start:end])
                self._size += end - start

        def append_multiple_char(self, c, times):
            assert isinstance(c, chartype) and len(c) == 1
            if times > 0:
                self._pieces.append(c * times)
                self._size += times

        def append_charpsize(self, s, size):
            raise NotImplementedError("append_charpsize: raw pointers are not supported")

        def build(self):
            result = empty.join(self._pieces)
            if len(self._pieces) > 1:
                self._pieces = [result]
            return result

        def getlength(self):
            return self._size

    return Builder


StringBuilder = _make_builder(str, '')
StringBuilder.__name__ = 'StringBuilder'
UnicodeBuilder = _make_builder(unicode, u'')
UnicodeBuilder.__name__ = 'UnicodeBuilder'


# ____________________________________________________________
# split, rsplit, replace

@specialize.argtype(0)
def _split_spaces(value, maxsplit):
    res = []
    length = len(value)
    i = 0
    while True:
        while i < length and value[i].isspace():
            i += 1
        if i == length:
            break
        if maxsplit == 0:
            res.append(value[i:length])
            break
        j = i
        while j < length and not value[j].isspace():
            j += 1
        res.append(value[i:j])
        i = j
        maxsplit -= 1
    return res


@specialize.argtype(0)
def _rsplit_spaces(value, maxsplit):
    res = []
    i = len(value)
    while True:
        while i > 0 and value[i - 1].isspace():
            i -= 1
        if i == 0:
            break
        if maxsplit == 0:
            res.append(value[0:i])
            break
        j = i
        while j > 0 and not value[j - 1].isspace():
            j -= 1
        res.append(value[j:i])
        i = j
        maxsplit -= 1
    res.reverse()
    return res


@specialize.argtype(0, 1)
def split(value, by=None, maxsplit=-1):
    """value.split(by, maxsplit), for str and unicode."""
    if by is None:
        return _split_spaces(value, maxsplit)
    bylen = len(by)
    if bylen == 0:
        raise ValueError("empty separator")
    res = []
    start = 0
    while maxsplit != 0:
        nxt = value.find(by, start)
        if nxt < 0:
            break
        res.append(value[start:nxt])
        start = nxt + bylen
        maxsplit -= 1
    res.append(value[start:len(value)])
    return res


@specialize.argtype(0, 1)
def rsplit(value, by=None, maxsplit=-1):
    """value.rsplit(by, maxsplit), for str and unicode."""
    if by is None:
        return _rsplit_spaces(value, maxsplit)
    bylen = len(by)
    if bylen == 0:
        raise ValueError("empty separator")
    res = []
    end = len(value)
    while maxsplit != 0:
        nxt = value.rfind(by, 0, end)
        if nxt < 0:
            break
        res.append(value[nxt + bylen:end])
        end = nxt
        maxsplit -= 1
    res.append(value[0:end])
    res.reverse()
    return res


@specialize.argtype(0, 1, 2)
def replace_count(input, sub, by, maxcount=-1):
    """(input.replace(sub, by, maxcount), number of replacements)."""
    length = len(input)
    if maxcount == 0 or (maxcount > 0 and length == 0):
        # (Python 2.7 returns an empty input unchanged when a count is given.)
        return input, 0
    pieces = []
    count = 0
    if len(sub) == 0:
        # An empty pattern matches before every character and at the end.
        if maxcount < 0 or maxcount > length + 1:
            maxcount = length + 1
        i = 0
        while i < maxcount:
            pieces.append(by)
            if i < length:
                pieces.append(input[i:i + 1])
            i += 1
        if maxcount <= length:
            pieces.append(input[maxcount:length])
        return input[0:0].join(pieces), maxcount
    sublen = len(sub)
    start = 0
    while maxcount != 0:
        nxt = input.find(sub, start)
        if nxt < 0:
            break
        pieces.append(input[start:nxt])
        pieces.append(by)
        start = nxt + sublen
        count += 1
        maxcount -= 1
    if count == 0:
        return input, 0
    pieces.append(input[start:length])
    return input[0:0].join(pieces), count


@specialize.argtype(0, 1, 2)
def replace(input, sub, by, maxcount=-1):
    """input.replace(sub, by, maxcount), for str and unicode."""
    result, count = replace_count(input, sub, by, maxcount)
    return result


# ____________________________________________________________
# find, rfind, count, startswith, endswith

def _bounds(length, start, end):
    if end > length:
        end = length
    if start < 0:
        start = 0
    return start, end


@specialize.argtype(0, 1)
def find(value, other, start=0, end=sys.maxint):
    start, end = _bounds(len(value), start, end)
    return value.find(other, start, end)


@specialize.argtype(0, 1)
def rfind(value, other, start=0, end=sys.maxint):
    start, end = _bounds(len(value), start, end)
    return value.rfind(other, start, end)


@specialize.argtype(0, 1)
def count(value, other, start=0, end=sys.maxint):
    start, end = _bounds(len(value), start, end)
    return value.count(other, start, end)


@specialize.argtype(0, 1)
def startswith(value, prefix, start=0, end=sys.maxint):
    start, end = _bounds(len(value), start, end)
    n = len(prefix)
    if end - start < n:
        return False
    i = 0
    while i < n:
        if value[start + i] != prefix[i]:
            return False
        i += 1
    return True


@specialize.argtype(0, 1)
def endswith(value, suffix, start=0, end=sys.maxint):
    start, end = _bounds(len(value), start, end)
    n = len(suffix)
    if end - start < n:
        return False
    begin = end - n
    i = 0
    while i < n:
        if value[begin + i] != suffix[i]:
            return False
        i += 1
    return True


def _is_ascii_space(c):
    return c == ' ' or c == '\t' or c == '\n' or c == '\r' or c == '\x0b' or c == '\x0c'


def strip_spaces(s):
    """s with the ASCII white space at both ends removed."""
    start = 0
    stop = len(s)
    while start < stop and _is_ascii_space(s[start]):
        start += 1
    while stop > start and _is_ascii_space(s[stop - 1]):
        stop -= 1
    return s[start:stop]


# ____________________________________________________________
# Parsing numbers

class ParseStringError(Exception):
    """A string is not a valid literal (int(), float(), long())."""

    def __init__(self, msg):
        self.msg = msg

    def __str__(self):
        return self.msg


class InvalidBaseError(ParseStringError):
    """The base given to int()/long() is not 0 or 2..36."""


class ParseStringOverflowError(Exception):
    """The literal is valid but does not fit in a machine word; `parser`
    (rewound) can be read again digit by digit, e.g. by rbigint."""

    def __init__(self, parser):
        self.parser = parser

    def __str__(self):
        return "integer literal too large"


class NumberStringParser(object):
    """Reads the digits of an integer literal: white space around it, an
    optional sign (white space may follow it, as Python 2.7 allows), and the prefixes 0x/0o/0b (and a leading 0 for octal
    when the base is 0), as Python 2.7's int() and long() accept them."""

    def __init__(self, s, literal, base, fname, allow_underscores=False,
                 no_implicit_octal=False):
        self.literal = literal
        self.fname = fname
        self.original_base = base
        self.allow_underscores = allow_underscores
        if base != 0 and (base < 2 or base > 36):
            raise InvalidBaseError("%s() base must be >= 2 and <= 36" % fname)
        s = strip_spaces(s)
        sign = 1
        if s.startswith('-'):
            sign = -1
            s = strip_spaces(s[1:])
        elif s.startswith('+'):
            s = strip_spaces(s[1:])
        self.sign = sign
        prefix = s[0:2].lower()
        if base == 0:
            if prefix == '0x':
                base = 16
            elif prefix == '0o':
                base = 8
            elif prefix == '0b':
                base = 2
            elif s.startswith('0'):
                base = 8
                if no_implicit_octal:
                    # Only zeros may follow a leading 0 (Python 3 rules).
                    i = 0
                    while i < len(s):
                        if s[i] != '0' and s[i] != '_':
                            self.error()
                        i += 1
            else:
                base = 10
        self.base = base
        if ((base == 16 and prefix == '0x') or (base == 8 and prefix == '0o') or
                (base == 2 and prefix == '0b')):
            s = s[2:]
            if allow_underscores and s.startswith('_'):
                s = s[1:]
        if len(s) == 0:
            self.error()
        self.s = s
        self.n = len(s)
        self.i = 0

    def error(self):
        raise ParseStringError("invalid literal for %s() with base %d: %s" %
                               (self.fname, self.original_base, _quote(self.literal)))

    def rewind(self):
        self.i = 0

    def next_digit(self):
        """The next digit's value, or -1 after the last one."""
        if self.i >= self.n:
            return -1
        c = self.s[self.i]
        if c == '_' and self.allow_underscores:
            # A single underscore between two digits.
            if self.i == 0 or self.i + 1 >= self.n or self.s[self.i + 1] == '_':
                self.error()
            self.i += 1
            c = self.s[self.i]
        o = ord(c)
        if ord('0') <= o <= ord('9'):
            digit = o - ord('0')
        elif ord('a') <= o <= ord('z'):
            digit = o - ord('a') + 10
        elif ord('A') <= o <= ord('Z'):
            digit = o - ord('A') + 10
        else:
            self.error()
            digit = -1
        if digit >= self.base:
            self.error()
        self.i += 1
        return digit


def _quote(s):
    """The literal as int()'s error message shows it: leading white space
    dropped, at most 200 characters, in quotes."""
    start = 0
    while start < len(s) and _is_ascii_space(s[start]):
        start += 1
    stop = start + 200
    if stop > len(s):
        stop = len(s)
    return "%r" % (s[start:stop],)
