# Without `from __future__ import division`, `/` is classic division.
a / b
a // b
a /= b
a //= b
