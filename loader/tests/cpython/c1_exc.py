try:
    1 / 0
except ZeroDivisionError, e:
    print 'caught', e, e.args, type(e).__name__, isinstance(e, ArithmeticError)
try:
    [][1]
except IndexError as e:
    print e
try:
    {}['k']
except KeyError as e:
    print e, repr(e), e.args
except Exception:
    print 'wrong'
try:
    raise ValueError('bad', 2)
except (TypeError, ValueError), e:
    print e, e.args, e.message == ''
class MyErr(Exception):
    def __init__(self, code):
        Exception.__init__(self, 'code %d' % code)
        self.code = code
try:
    raise MyErr(5)
except MyErr, e:
    print e, e.code, e.args, isinstance(e, Exception), str(e)
class Plain(Exception): pass
try:
    raise Plain
except Plain, e:
    print 'plain', repr(e), str(e) == ''
try:
    raise Plain, 'msg'
except Exception, e:
    print 'with msg', e
def f():
    try:
        return 'try'
    finally:
        print 'finally runs'
print f()
def g():
    for i in range(3):
        try:
            if i == 1: continue
            if i == 2: break
        finally:
            print 'fin', i
g()
try:
    try:
        raise KeyError('inner')
    except KeyError:
        raise
except KeyError, e:
    print 'reraised', e
try:
    try:
        raise TypeError('x')
    finally:
        print 'cleanup'
except TypeError:
    print 'outer caught'
try:
    pass
except:
    pass
else:
    print 'else branch'
try:
    from rpython.rlib.jit_nonexistent import JitDriver
except ImportError, e:
    print 'ImportError:', e
    JitDriver = None
try:
    import nonexistent_module_xyz
except ImportError as e:
    print e
try:
    from os import nonexistent_name
except ImportError as e:
    print e
try:
    assert 1 == 2, 'assertion msg'
except AssertionError, e:
    print 'assert', e
try:
    assert False
except AssertionError, e:
    print 'assert2', repr(e)
try:
    int('abc')
except ValueError, e:
    print e
try:
    'a' + 1
except TypeError, e:
    print e
try:
    1 + 'a'
except TypeError, e:
    print e
try:
    None.foo
except AttributeError, e:
    print e
try:
    len(5)
except TypeError, e:
    print e
try:
    undefined_thing
except NameError, e:
    print e
try:
    raise IOError(2, 'No such file')
except EnvironmentError, e:
    print e, e.errno, e.strerror
try:
    raise StopIteration
except StopIteration:
    print 'stop'
print issubclass(KeyError, LookupError), issubclass(UnicodeDecodeError, ValueError), issubclass(NotImplementedError, RuntimeError), Exception.__bases__, BaseException.__bases__
def deep(n): return deep(n + 1)
try:
    deep(0)
except RuntimeError, e:
    print 'RuntimeError', e
e = ValueError('v')
print e.args, e.message, str(e), repr(e), repr(ValueError()), repr(ValueError(1, 2))
import sys
try:
    raise TypeError('info')
except TypeError:
    t, v, tb = sys.exc_info()
    print t.__name__, v
x = 0
while True:
    x += 1
    if x > 5: break
else:
    print 'no'
for i in []:
    pass
else:
    print 'for-else'
with_result = []
class Ctx(object):
    def __enter__(self): with_result.append('enter'); return 42
    def __exit__(self, t, v, tb): with_result.append('exit %s' % (t.__name__ if t else None)); return True
with Ctx() as val:
    with_result.append(val)
    raise ValueError
print with_result
