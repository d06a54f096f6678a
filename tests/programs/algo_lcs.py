# Dynamic programming on strings: longest common subsequence (with the
# subsequence itself) and edit distance, using lists of lists.

def lcs(a, b):
    n = len(a)
    m = len(b)
    table = [[0] * (m + 1) for i in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if a[i - 1] == b[j - 1]:
                table[i][j] = table[i - 1][j - 1] + 1
            else:
                table[i][j] = max(table[i - 1][j], table[i][j - 1])
    out = []
    i = n
    j = m
    while i > 0 and j > 0:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1])
            i -= 1
            j -= 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    out.reverse()
    return "".join(out)

def edit_distance(a, b):
    prev = range(len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 1
            if a[i - 1] == b[j - 1]:
                cost = 0
            cur[j] = min(min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost)
        prev = cur
    return prev[len(b)]

def entry_point(argv):
    pairs = [("ABCBDAB", "BDCABA"), ("kitten", "sitting"), ("", "abc"),
             ("translation", "interpretation"), ("same", "same")]
    for a, b in pairs:
        print "%s %s lcs=%s edit=%d" % (a, b, lcs(a, b), edit_distance(a, b))
    return 0

def target(driver, args):
    return entry_point, None
