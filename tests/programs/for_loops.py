# for loops over range/xrange (with steps), lists, strings and reversed
# lists; break, continue and else; loops that catch exceptions.

def total(n):
    t = 0
    for i in range(n):
        t += i
    return t


def steps():
    out = []
    for i in range(10, 0, -3):
        out.append(i)
    for i in xrange(2, 12, 4):
        out.append(i)
    for i in range(5, 2):
        out.append(-1)
    for i in range(-3, 3):
        out.append(i)
    return out


def find(lst, x):
    for item in lst:
        if item == x:
            print "found", x
            break
    else:
        print "not found", x


def count_vowels(s):
    n = 0
    for c in s:
        if c == "a" or c == "e" or c == "i" or c == "o" or c == "u":
            n += 1
            continue
        if c == "!":
            break
    return n


def show(lst):
    for x in lst:
        print x,
    print


def safe_get(lst, i):
    try:
        return lst[i]
    except IndexError:
        return -1


def entry_point(argv):
    print total(10), total(0), len(range(7)), len(xrange(1, 10, 2)), len(range(10, 0, -1))
    show(steps())
    words = ["apple", "pear", "fig"]
    find(words, "pear")
    find(words, "kiwi")
    print count_vowels("education!aaa"), count_vowels("")
    nums = [3, 1, 4, 1, 5]
    for x in reversed(nums):
        print x,
    print
    for i in range(len(nums)):
        if i % 2:
            continue
        print i, nums[i]
    acc = 0
    for i in range(8):
        acc += safe_get(nums, i)
    print acc
    for w in words:
        for c in w:
            if c == "p":
                print w
                break
    empty = []
    for x in empty:
        print "never", x
    else:
        print "empty done"
    return 0


def target(driver, args):
    return entry_point, None
