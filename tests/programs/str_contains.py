# The "in" operator on strings: characters and substrings.

def vowels(s):
    n = 0
    for c in s:
        if c in "aeiouAEIOU":
            n += 1
    return n

def entry_point(argv):
    s = "the quick brown fox" + argv[0][:0]
    print "quick" in s, "slow" in s, "" in s, "fox" not in s
    print "q" in s, "z" in s, " " in s
    print vowels(s), vowels("rhythm")
    words = ["cat", "dog", "bird"]
    for w in words:
        if w in "a dog and a cat":
            print w, "found"
        else:
            print w, "missing"
    return 0

def target(driver, args):
    return entry_point, None
