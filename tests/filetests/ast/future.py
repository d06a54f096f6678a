"""Docstring, then __future__ imports, then the rest."""
from __future__ import absolute_import
from __future__ import (nested_scopes, generators,
                        with_statement)
from __future__ import division as div, print_function
from __future__ import unicode_literals
import __future__
x = 'now unicode'
y = b'still bytes'
z = a / b
a /= b
a // b
print('print is a function')
