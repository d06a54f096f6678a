"""Every statement kind, in the order of the AST."""
import os
import os.path as osp, sys
from os import path
from os.path import (join as j, split,)
from . import sibling
from ..parent.mod import *
global_name = 1


@decorator
@module.decorator(1, key=2)
def function(a, b=1, *args, **kwargs):
    global global_name, other
    return a


def generator():
    yield
    x = yield 1
    return


class Empty:
    pass


class Derived(Base, module.Other):
    """Docstring."""
    attribute = 1


@decorator
class Decorated(object):
    pass


del a, b[0], c.d
del (e, f), [g]
a = b = c
a, b = b, a
[a, (b, c)] = x
a.b, a[1], a[1:2] = 1, 2, 3
a += 1
a -= 1
a *= 1
a /= 1
a //= 1
a %= 1
a **= 1
a <<= 1
a >>= 1
a &= 1
a |= 1
a ^= 1
a.b += 1
a[0] -= 1
for x in y:
    pass
for x, (y, z) in items:
    continue
else:
    pass
while True:
    break
while x: x -= 1
else: pass
if a:
    pass
if a:
    pass
else:
    pass
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
with manager:
    pass
with manager as (a, b):
    pass
with one as a, two, three as c.d:
    pass
raise
raise E
raise E, "message"
raise E, "message", traceback
raise E("message")
try:
    pass
except:
    pass
try:
    pass
except E:
    pass
except (E, F) as e:
    pass
except G, (a, b):
    pass
else:
    pass
try:
    pass
finally:
    pass
try:
    pass
except E:
    pass
finally:
    pass
assert x
assert x, "message"
exec code
exec code in namespace
exec code in globals_, locals_
exec(code, globals_)
exec(code, globals_, locals_)
global a, b
f(x)
pass; pass;
