# Recursion over lists and strings.

def length(lst, i):
    if i >= len(lst):
        return 0
    return 1 + length(lst, i + 1)

def reverse_str(s):
    if len(s) <= 1:
        return s
    return reverse_str(s[1:]) + s[0]

def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append(src + dst)
    hanoi(n - 1, via, dst, src, moves)

def power_set_count(n):
    if n == 0:
        return 1
    return 2 * power_set_count(n - 1)

def entry_point(argv):
    print length([1, 2, 3, 4, 5], 0)
    print reverse_str("recursion")
    moves = []
    hanoi(4, "A", "C", "B", moves)
    print len(moves), moves[0], moves[7], moves[-1]
    print power_set_count(20)
    return 0

def target(driver, args):
    return entry_point, None
