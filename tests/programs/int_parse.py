# int(s) and int(s, base) parse strings; bad input raises ValueError.
# (Prefixes like 0x and base 0 are left out: RPython's int(s, base) does not
# accept them; rarithmetic.string_to_int does, see rarith_string_to_int.py.)

def try_int(s):
    try:
        return int(s)
    except ValueError:
        return -999

def try_base(s, base):
    try:
        return int(s, base)
    except ValueError:
        return -999

def entry_point(argv):
    for s in ["0", "42", "-17", "  12  ", "+5", "007", "1_000", "", "12a", "9223372036854775807"]:
        print "int(%s) = %d" % ("[" + s + "]", try_int(s))
    print try_base("ff", 16), try_base("FF", 16), try_base("-1f", 16)
    print try_base("777", 8), try_base("101", 2), try_base("z", 36), try_base("-zz", 36)
    print try_base("12", 3), try_base("19", 8), try_base("102", 2), try_base(" 10 ", 10)
    return 0

def target(driver, args):
    return entry_point, None
