# for loops over lists of ints, strings and instances.

class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

def entry_point(argv):
    numbers = [3, 1, 4, 1, 5, 9, 2, 6]
    total = 0
    biggest = numbers[0]
    for n in numbers:
        total += n
        if n > biggest:
            biggest = n
    print "total", total, "biggest", biggest
    words = ["alpha", "beta", "gamma"]
    for w in words:
        print w, len(w)
    points = [Point(1, 2), Point(3, 4), Point(-1, 0)]
    sx = 0
    sy = 0
    for p in points:
        sx += p.x
        sy += p.y
    print "sum", sx, sy
    # modifying elements through indexes while looping over range(len())
    for i in range(len(numbers)):
        numbers[i] = numbers[i] * 10
    print numbers
    # nested lists
    grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    diag = 0
    for row in grid:
        for cell in row:
            if cell % 2 == 0:
                diag += cell
    print "even cells", diag
    return 0

def target(driver, args):
    return entry_point, None
