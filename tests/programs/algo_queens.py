# The N queens puzzle by backtracking: counts solutions for N = 1..8 and
# prints the first solution for N = 8 as a board.

class Solver(object):
    def __init__(self, n):
        self.n = n
        self.cols = [False] * n
        self.diag1 = [False] * (2 * n)
        self.diag2 = [False] * (2 * n)
        self.placement = [0] * n
        self.count = 0
        self.first = []

    def solve(self, row):
        n = self.n
        if row == n:
            if self.count == 0:
                self.first = self.placement[:]
            self.count += 1
            return
        for c in range(n):
            d1 = row + c
            d2 = row - c + n
            if self.cols[c] or self.diag1[d1] or self.diag2[d2]:
                continue
            self.cols[c] = True
            self.diag1[d1] = True
            self.diag2[d2] = True
            self.placement[row] = c
            self.solve(row + 1)
            self.cols[c] = False
            self.diag1[d1] = False
            self.diag2[d2] = False

def entry_point(argv):
    counts = []
    for n in range(1, 9):
        s = Solver(n)
        s.solve(0)
        counts.append(s.count)
    print counts
    s = Solver(8)
    s.solve(0)
    for row in range(8):
        line = ""
        for c in range(8):
            if s.first[row] == c:
                line += "Q "
            else:
                line += ". "
        print line
    return 0

def target(driver, args):
    return entry_point, None
