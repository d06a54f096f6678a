# A ZeroDivisionError that nothing catches ends the program with status 1,
# also from inside nested calls and a loop.

def average(total, count):
    return total // count

def entry_point(argv):
    for count in [4, 2, 1, 0]:
        print average(100, count - len(argv) + 1)
    print "not reached"
    return 0

def target(driver, args):
    return entry_point, None
