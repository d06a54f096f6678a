"""With the print function, `print` is an ordinary name."""
from __future__ import print_function
print
print()
print(x)
print(x, y, sep='', end='\n', file=sys.stderr)
print(*args)
p = print
print.__name__
print >> f, x
def f(print=print): return print
