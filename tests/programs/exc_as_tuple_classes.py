# except (B, C) as e: the caught instance is converted to the handler's
# class on the exception's own path (it was read before being set at -O0).

class A(Exception):
    def __init__(self, v):
        self.v = v
class B(A):
    pass
class C(Exception):
    pass
def raiser(n):
    if n == 0:
        raise A(10)
    elif n == 1:
        raise B(20)
    elif n == 2:
        raise C()
    return n
def entry_point(argv):
    for n in range(4):
        try:
            raiser(n)
            print n, "none"
        except (B, C) as e:
            print n, "B or C", isinstance(e, B)
        except A as e:
            print n, "A", e.v
    return 0
def target(*args):
    return entry_point, None
