# rfloat.string_to_float parses floats and raises ParseStringError on bad
# input.

from rpython.rlib.rfloat import string_to_float, formatd
from rpython.rlib.rstring import ParseStringError

def parse(s):
    try:
        return formatd(string_to_float(s), "r", 0)
    except ParseStringError:
        return "error"

def entry_point(argv):
    for s in ["1.5", "-2e10", "  3.25  ", ".5", "1e-5", "inf", "-inf", "nan", "abc", "", "1.2.3", "0x10"]:
        print "[" + s + "]", parse(s)
    return 0

def target(driver, args):
    return entry_point, None
