# List comprehensions: a loop appending to a new list.

def squares(n):
    return [i * i for i in range(n)]

def filtered(seq):
    return [x for x in seq if x > 0 if x < 10]

def nested(rows):
    return [c for row in rows for c in row]

def leaks(seq):
    r = [x for x in seq]
    return r, x
