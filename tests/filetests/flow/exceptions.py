# try/except/else/finally, raise, assert.

class MyError(Exception):
    pass

class SubError(MyError):
    pass

ERRORS = (KeyError, IndexError)

def f(x):
    return x

def catch_one(d, k):
    try:
        v = d[k]
    except KeyError:
        v = None
    return v

def catch_named(x):
    try:
        r = f(x)
    except ValueError, e:
        return e
    except (IndexError, KeyError) as e2:
        r = 0
    return r

def catch_all(x):
    try:
        y = f(x)
        z = f(y)
    except:
        return -1
    else:
        z = z + 1
    return z

def catch_global_tuple(x):
    try:
        f(x)
    except ERRORS:
        return 1
    return 0

def nothing_can_raise(x):
    try:
        y = x + 1
    except ValueError:
        y = 0
    return y

def raise_class():
    raise ValueError

def raise_instance(msg):
    raise ValueError(msg)

def raise_two_args(msg):
    raise ValueError, msg

def raise_value(e):
    raise e

def raise_caught_statically(x):
    try:
        if x:
            raise SubError()
        return 0
    except MyError:
        return 1

def raise_not_caught(x):
    try:
        raise IndexError
    except KeyError:
        return 1

def raise_dynamic(e):
    try:
        raise e
    except MyError:
        return 1
    except ValueError:
        return 2

def reraise(x):
    try:
        f(x)
    except ValueError:
        print 'oops'
        raise

def nested_try(x):
    try:
        try:
            f(x)
        except KeyError:
            return 1
    except Exception:
        return 2
    return 0

def finally_normal(x):
    try:
        y = f(x)
    finally:
        print 'done'
    return y

def finally_return(x):
    try:
        if x:
            return f(x)
    finally:
        print 'cleanup'
    return 0

def finally_in_loop(n):
    i = 0
    while i < n:
        try:
            i += 1
            if i == 3:
                break
            if i == 2:
                continue
        finally:
            print i
    return i

def try_except_finally(x):
    try:
        f(x)
    except ValueError:
        print 'bad'
    finally:
        print 'end'

def for_in_try(seq):
    try:
        for x in seq:
            f(x)
    except ValueError:
        return 1
    return 0

def asserts(x):
    assert x
    assert x > 0, 'positive'
    return x

def except_stop_iteration(it):
    try:
        return it.next()
    except StopIteration:
        return None
