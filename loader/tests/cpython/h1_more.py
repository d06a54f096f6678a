import sys, os, types
sys.stdout.write('written\n')
class P(object):
    def __init__(self): self._x = 1
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v + 100
p = P(); p.x = 5; print p.x
class K(object):
    def __init__(self, **kw):
        self.__dict__.update(kw)
k = K(a=1, b=2); print k.a, k.b, sorted(vars(k).items())
def orig(a, b=2): return a + b
orig.attr = 1
copy = types.FunctionType(orig.func_code, orig.func_globals, 'renamed', orig.func_defaults, orig.func_closure)
print copy(1), copy.__name__, orig.__name__, hasattr(copy, 'attr'), orig.func_code.co_argcount, orig.func_code.co_name
def func_with_new_name(func, newname):
    f = types.FunctionType(func.func_code, func.func_globals, newname, func.func_defaults, func.func_closure)
    if func.func_dict:
        f.func_dict = {}
        f.func_dict.update(func.func_dict)
    return f
g = func_with_new_name(orig, 'g'); print g.__name__, g(3), g.attr
inst = object.__new__(P); print type(inst).__name__, hasattr(inst, '_x')
print os.path.basename('/a/b/c.py'), os.path.dirname('/a/b/c.py'), os.path.join('a', 'b', 'c'), os.path.splitext('x/y.tar.gz'), os.path.isabs('x')
print os.path.normpath('a/./b/../c'), os.path.split('/a/b'), os.path.join('/a', '/b')
