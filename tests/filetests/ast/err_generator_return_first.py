def f():
    return 2
    yield 1
