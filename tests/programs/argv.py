# Command-line arguments: len(argv), argv[i], int(argv[i]).

def entry_point(argv):
    print "argc", len(argv) - 1
    i = 1
    while i < len(argv):
        print "arg", i, argv[i]
        i += 1
    total = 0
    i = 2
    while i < len(argv):
        total = total + int(argv[i])
        i += 1
    print "sum of numbers", total
    return 0

def target(driver, args):
    return entry_point, None
