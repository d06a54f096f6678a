# float(s) parses strings; bad input raises ValueError. ("inf" and "nan"
# are left out: RPython's float() rejects them; rfloat.string_to_float
# accepts them, see rfloat_parse.py.)

def try_float(s):
    try:
        return float(s)
    except ValueError:
        return -1.0

def entry_point(argv):
    for s in ["0", "3.14", "-2.5", "1e3", "  42  ", "1.5e-3", ".5", "7.", "abc", "", "1e", "1e5x"]:
        print "[%s] %f" % (s, try_float(s))
    return 0

def target(driver, args):
    return entry_point, None
