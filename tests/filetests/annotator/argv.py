# argv is a list of str; len() is non-negative; indexing gives a str.

def entry_point(argv):
    i = 1
    total = 0
    while i < len(argv):
        print "arg", i, argv[i]
        total = total + int(argv[i])
        i += 1
    return total

def target(driver, args):
    return entry_point, None
