# make_sure_not_resized, check_nonneg, ll_assert and fatalerror: checks that
# pass do nothing (fatalerror sits on a path that is never taken).

from rpython.rlib.debug import make_sure_not_resized, check_nonneg, ll_assert, fatalerror

def make_fixed(n):
    lst = [0] * n
    make_sure_not_resized(lst)
    for i in range(n):
        lst[i] = i * 2
    return lst

def index_of(lst, x):
    for i in range(len(lst)):
        if lst[i] == x:
            check_nonneg(i)
            return i
    return -1

def entry_point(argv):
    lst = make_fixed(5)
    print lst
    ll_assert(len(lst) == 5, "length should be 5")
    print index_of(lst, 6), index_of(lst, 7)
    if len(argv) > 1000:
        fatalerror("too many arguments")
    print "checks passed"
    return 0

def target(driver, args):
    return entry_point, None
