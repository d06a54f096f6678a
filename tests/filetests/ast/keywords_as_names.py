# Names that are not keywords in Python 2.7.
None
True = 1
nonlocal = 2
async = await = 3
x.True
def f(True, async): pass
