# Slicing strings with non-negative starts (and stops that may be out of
# range, or -1, the only negative stop RPython allows).

def entry_point(argv):
    s = "abcdefghij" + argv[0][:0]
    print s[2:5], s[:3], s[7:], s[:], s[3:3], s[5:2]
    print s[0:100], s[20:], s[4:-1], s[:-1], s[1:-1]
    n = len(s)
    parts = []
    i = 0
    while i < n:
        parts.append(s[i:i + 3])
        i += 3
    print " ".join(parts)
    word = "racecar"
    print word[:len(word) // 2], word[len(word) // 2 + 1:]
    print word[1:] + word[:1]
    return 0

def target(driver, args):
    return entry_point, None
