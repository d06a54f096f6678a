# for ... else: the else clause runs when the loop was not broken.

def first_divisor(n):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        return -1
    return d

def has_vowel(word):
    for c in word:
        if c in "aeiou":
            result = True
            break
    else:
        result = False
    return result

def entry_point(argv):
    for n in [15, 17, 49, 97, 100]:
        d = first_divisor(n)
        if d == -1:
            print n, "is prime"
        else:
            print n, "is divisible by", d
    for w in ["rhythm", "python", "xyz", "queue"]:
        if has_vowel(w):
            print w, "has a vowel"
        else:
            print w, "has no vowel"
    for x in []:
        print "never"
    else:
        print "else after an empty list"
    return 0

def target(driver, args):
    return entry_point, None
