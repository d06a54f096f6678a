from __future__ import division
a / b
a // b
a /= b
a //= b
