# Slicing lists with non-negative starts (RPython allows -1 as the only
# negative stop).

def entry_point(argv):
    lst = range(10)
    print lst[2:5], lst[:3], lst[7:], lst[:]
    print lst[4:-1], lst[:-1], lst[8:100], lst[5:2]
    copy = lst[:]
    copy[0] = 99
    print lst[0], copy[0]
    words = ["one", "two", "three", "four", "five"]
    print " ".join(words[1:4]), len(words[3:3])
    chunks = []
    i = 0
    while i < len(lst):
        chunks.append(lst[i:i + 4])
        i += 4
    for ch in chunks:
        print ch
    return 0

def target(driver, args):
    return entry_point, None
