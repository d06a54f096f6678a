# Strings as far as printing needs: constants, str(i), concatenation, len.

def describe(n):
    return "n=" + str(n) + ";"

def entry_point(argv):
    s = "abc"
    t = s + "def"
    print t, len(t), len("")
    print describe(-12) + describe(0) + describe(1234567890123)
    line = ""
    i = 0
    while i < 5:
        line = line + str(i * i) + " "
        i += 1
    print line + "end"
    print str(-9223372036854775807 - 1)
    print "tab\tand newline escapes\\n"
    return 0

def target(driver, args):
    return entry_point, None
