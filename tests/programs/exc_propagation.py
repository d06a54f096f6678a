# Exceptions propagate through several frames and loops until caught.

class Found(Exception):
    def __init__(self, value):
        self.value = value

def level3(n):
    if n % 7 == 0:
        raise Found(n)
    return n

def level2(start):
    total = 0
    for i in range(start, start + 5):
        total += level3(i)
    return total

def level1(starts):
    results = []
    for s in starts:
        try:
            results.append(level2(s))
        except Found as f:
            results.append(-f.value)
    return results

def search_grid():
    try:
        for i in range(10):
            for j in range(10):
                if i * j == 42:
                    raise Found(i * 10 + j)
    except Found as f:
        return f.value
    return -1

def entry_point(argv):
    print level1([1, 8, 20, 30])
    print search_grid()
    return 0

def target(driver, args):
    return entry_point, None
