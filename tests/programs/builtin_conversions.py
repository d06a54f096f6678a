# bool(), int(), float(), str() and list() conversions.

def entry_point(argv):
    k = len(argv) - 1
    print bool(k), bool(k + 1), bool(""), bool("x"), bool([k][1:]), bool([0])
    print int("42") + 1, int(3.99), int(-3.99), int(True) + int(False)
    print "%f %f %f" % (float(3), float("2.5"), float(k))
    print str(10) + str(20), str(-1)
    chars = list("abc")
    chars.append("d")
    print "".join(chars), len(chars)
    nums = list([1, 2, 3])
    nums.append(4)
    print nums
    keys = list({1: "a"})
    print keys
    return 0

def target(driver, args):
    return entry_point, None
