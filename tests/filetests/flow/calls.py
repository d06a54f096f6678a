# Calls: positional, keywords, defaults, *args, methods, module and class attributes, print.

import os
import math

class Base(object):
    LIMIT = 10

    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x

    @staticmethod
    def make(v):
        return Base(v)

class Derived(Base):
    def get(self):
        return Base.get(self) + Derived.LIMIT

def callee(a, b=2, c=3):
    return a + b + c

def positional():
    return callee(1, 2, 3)

def keywords(x):
    return callee(x, c=5) + callee(a=x, b=x)

def star(args):
    return callee(*args) + callee(1, *args)

def varargs(a, *rest):
    return len(rest) + a

def methods(lst):
    lst.append(1)
    return lst.pop()

def modules(fd):
    os.write(fd, 'hello\n')
    return math.sqrt(2.0) + math.pi

def classes():
    d = Derived(1)
    b = Base.make(2)
    return d.get() + b.get() + Base.LIMIT

def printing(x, y):
    print x, y
    print x,
    print
    print 'value:', x + y

def builtins(s):
    return len(s), str(len(s)), isinstance(s, str)

def tuple_param((a, b), c):
    return a + b + c
