# Matrices as lists of lists of floats: multiplication, transpose, a
# Gaussian elimination solve and a determinant, printed with %f.

def zeros(n, m):
    return [[0.0] * m for i in range(n)]

def matmul(a, b):
    n = len(a)
    m = len(b[0])
    k = len(b)
    c = zeros(n, m)
    for i in range(n):
        for j in range(m):
            s = 0.0
            for x in range(k):
                s += a[i][x] * b[x][j]
            c[i][j] = s
    return c

def transpose(a):
    t = zeros(len(a[0]), len(a))
    for i in range(len(a)):
        for j in range(len(a[0])):
            t[j][i] = a[i][j]
    return t

def solve(a, b):
    n = len(a)
    m = [row[:] for row in a]
    v = b[:]
    for col in range(n):
        pivot = col
        for r in range(col + 1, n):
            if abs(m[r][col]) > abs(m[pivot][col]):
                pivot = r
        m[col], m[pivot] = m[pivot], m[col]
        v[col], v[pivot] = v[pivot], v[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n):
                m[r][c] -= f * m[col][c]
            v[r] -= f * v[col]
    x = [0.0] * n
    for i in range(n - 1, -1, -1):
        s = v[i]
        for j in range(i + 1, n):
            s -= m[i][j] * x[j]
        x[i] = s / m[i][i]
    return x

def det(a):
    n = len(a)
    m = [row[:] for row in a]
    d = 1.0
    for col in range(n):
        pivot = col
        for r in range(col + 1, n):
            if abs(m[r][col]) > abs(m[pivot][col]):
                pivot = r
        if m[pivot][col] == 0.0:
            return 0.0
        if pivot != col:
            m[col], m[pivot] = m[pivot], m[col]
            d = -d
        d *= m[col][col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n):
                m[r][c] -= f * m[col][c]
    return d

def show(m):
    for row in m:
        print " ".join(["%f" % x for x in row])

def entry_point(argv):
    a = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    b = [[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]]
    show(matmul(a, b))
    show(transpose(a))
    sq = [[2.0, 1.0, -1.0], [-3.0, -1.0, 2.0], [-2.0, 1.0, 2.0]]
    print " ".join(["%f" % x for x in solve(sq, [8.0, -11.0, -3.0])])
    print "%f %f" % (det(sq), det([[1.0, 2.0], [2.0, 4.0]]))
    return 0

def target(driver, args):
    return entry_point, None
