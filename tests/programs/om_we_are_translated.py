# we_are_translated() is False untranslated and True in the executable; the
# program uses it to choose between two equivalent implementations.

from rpython.rlib.objectmodel import we_are_translated

def count_bits(n):
    if we_are_translated():
        count = 0
        while n:
            count += n & 1
            n >>= 1
        return count
    else:
        return bin(n).count("1")

def entry_point(argv):
    for n in [0, 1, 7, 255, 1024, 123456]:
        print n, count_bits(n)
    flag = we_are_translated()
    print "flag is a bool:", flag is True or flag is False
    return 0

def target(driver, args):
    return entry_point, None
