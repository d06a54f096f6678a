# Characters: ord, chr, comparisons and building strings from characters.

def rot13(s):
    out = []
    for c in s:
        if "a" <= c <= "z":
            out.append(chr((ord(c) - 97 + 13) % 26 + 97))
        elif "A" <= c <= "Z":
            out.append(chr((ord(c) - 65 + 13) % 26 + 65))
        else:
            out.append(c)
    return "".join(out)

def hexdump(s):
    digits = "0123456789abcdef"
    out = ""
    for c in s:
        n = ord(c)
        out += digits[n >> 4] + digits[n & 15] + " "
    return out

def entry_point(argv):
    print ord("A"), ord("a"), ord("0"), ord(" "), ord("\n"), ord("\xff")
    print chr(72) + chr(105), chr(48 + len(argv))
    print rot13("Hello, World!")
    print rot13(rot13("Round trip"))
    print hexdump("RPy\x00\x7f")
    print "a" < "b", "Z" < "a", chr(0) < chr(1)
    return 0

def target(driver, args):
    return entry_point, None
