# Exceptions combined with loops, nested finally, and expressions.

def f(x):
    return x

def handler_in_loop(seq):
    n = 0
    for x in seq:
        try:
            f(x)
        except ValueError:
            continue
        except KeyError:
            break
        n += 1
    return n

def return_from_loop_through_finally(seq):
    try:
        for x in seq:
            if f(x):
                return x
    finally:
        print 'out'
    return None

def nested_finally(x):
    try:
        try:
            return f(x)
        finally:
            print 'inner'
    finally:
        print 'outer'

def raise_in_handler_goes_outward(x):
    try:
        try:
            f(x)
        except ValueError:
            f(-x)
    except Exception:
        return 1
    return 0

def reraise_nested(x):
    try:
        f(x)
    except ValueError:
        try:
            f(0)
        except KeyError:
            raise
        raise

def listcomp_in_try(seq):
    try:
        return [f(x) for x in seq]
    except ValueError:
        return []

def ifexp_in_try(c, a, b):
    try:
        return f(a) if c else f(b)
    except ValueError:
        return None

def while_condition_raises(x):
    try:
        while f(x):
            x -= 1
    except ValueError:
        pass
    return x

def raise_in_finally(x):
    try:
        f(x)
    finally:
        raise ValueError
