# __getitem__ and __setitem__ on user classes.

class Matrix(object):
    def __init__(self, rows, cols):
        self.rows = rows
        self.cols = cols
        self.data = [0] * (rows * cols)

    def __getitem__(self, index):
        return self.data[index]

    def __setitem__(self, index, value):
        self.data[index] = value

    def get(self, r, c):
        return self[r * self.cols + c]

    def set(self, r, c, value):
        self[r * self.cols + c] = value

class DefaultDict(object):
    def __init__(self, default):
        self.d = {}
        self.default = default

    def __getitem__(self, key):
        if key in self.d:
            return self.d[key]
        return self.default

    def __setitem__(self, key, value):
        self.d[key] = value

def entry_point(argv):
    m = Matrix(3, 3)
    for i in range(3):
        m.set(i, i, i + 1)
    m[1] = 7
    print m[0], m[1], m[4], m.get(2, 2)
    trace = 0
    for i in range(3):
        trace += m.get(i, i)
    print "trace", trace
    counts = DefaultDict(0)
    for word in ["a", "b", "a", "c", "a", "b"]:
        counts[word] = counts[word] + 1
    print counts["a"], counts["b"], counts["c"], counts["zzz"]
    return 0

def target(driver, args):
    return entry_point, None
