# for loops over the characters of a string.

def count_chars(s, wanted):
    n = 0
    for c in s:
        if c == wanted:
            n += 1
    return n

def reverse(s):
    out = ""
    for c in s:
        out = c + out
    return out

def caesar(s, shift):
    out = []
    for c in s:
        if 'a' <= c <= 'z':
            out.append(chr((ord(c) - ord('a') + shift) % 26 + ord('a')))
        else:
            out.append(c)
    return "".join(out)

def entry_point(argv):
    text = "mississippi"
    print count_chars(text, "s"), count_chars(text, "p"), count_chars(text, "z")
    print reverse("stressed")
    enc = caesar("hello, world", 3)
    print enc
    print caesar(enc, 23)
    digits = 0
    for c in "a1b22c333":
        if c.isdigit():
            digits += int(c)
    print "digit sum", digits
    for c in "":
        print "never"
    return 0

def target(driver, args):
    return entry_point, None
