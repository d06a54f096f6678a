# str.join over lists of strings.

def entry_point(argv):
    words = ["alpha", "beta", "gamma"]
    print ", ".join(words)
    print "".join(words)
    print "-".join(["single"])
    letters = []
    for c in "abc":
        letters.append(c + "!")
    print ".".join(letters)
    print "[" + "|".join([]) + "]"
    chars = []
    for c in "hello":
        chars.append(c.upper())
    print "".join(chars)
    nums = []
    for i in range(10):
        nums.append(str(i * i))
    print " + ".join(nums)
    sep = " " * (len(argv) + 1)
    print sep.join(["ab", "cd", "ef"])
    return 0

def target(driver, args):
    return entry_point, None
