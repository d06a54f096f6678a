'''The docstring is unicode too: CPython applies the flag to the whole file.'''
from __future__ import unicode_literals
a = 'text'
b = "\u00e9\x41"
c = r'\u0041\n'
d = b'bytes\u00e9'
e = br'raw\n'
f = u'explicit'
g = 'a' b'b'
