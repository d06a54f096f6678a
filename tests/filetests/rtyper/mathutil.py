LIMIT = 99
GREETING = "hello from mathutil"

def square(x):
    return x * x

def cube(x):
    return square(x) * x
