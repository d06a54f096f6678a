# rarithmetic.string_to_int(s, base) parses integers and raises
# ParseStringError (from rstring) on bad input.

from rpython.rlib.rarithmetic import string_to_int
from rpython.rlib.rstring import ParseStringError

def parse(s, base):
    try:
        return string_to_int(s, base)
    except ParseStringError:
        return -999

def entry_point(argv):
    print parse("123", 10), parse("-42", 10), parse("  17  ", 10)
    print parse("ff", 16), parse("777", 8), parse("1010", 2), parse("zz", 36)
    print parse("12x", 10), parse("", 10), parse("9", 8)
    print parse("0x1f", 16), parse("0o17", 8), parse("0b101", 2)
    print parse("0x10", 0), parse("010", 0), parse("10", 0)
    return 0

def target(driver, args):
    return entry_point, None
