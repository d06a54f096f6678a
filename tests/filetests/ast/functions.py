def f():
    pass


def f(a, b):
    return a, b


def f(a, (b, c), ((d,), e)=((1,), 2)):
    pass


def f((a)):
    pass


def f(a, b=1, c=2):
    pass


def f(*args):
    pass


def f(**kwargs):
    pass


def f(a, *args, **kwargs):
    pass


def f(a=1, *args):
    pass


def f(a,):
    pass


def outer():
    def inner():
        return 1
    return inner


@property
def f(self): return self._f


@a.b.c
@d(1)
@e.f(2, *g)
def f(): pass


lambda: 0
lambda a: a
lambda (a, b): a
lambda a=1, *b, **c: a
lambda *a: a
lambda **k: k
lambda a,: a
