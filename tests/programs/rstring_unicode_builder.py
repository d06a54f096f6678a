# UnicodeBuilder: the unicode version of StringBuilder.

from rpython.rlib.rstring import UnicodeBuilder

def entry_point(argv):
    ub = UnicodeBuilder()
    ub.append(u"caf")
    ub.append(u"\xe9")
    ub.append(u" ")
    ub.append_slice(u"--\u2603--", 2, 3)
    ub.append_multiple_char(u"!", 3)
    print ub.getlength()
    u = ub.build()
    print u.encode("utf-8"), len(u)
    ub2 = UnicodeBuilder(16)
    for i in range(5):
        ub2.append(unichr(0x3b1 + i))
    print ub2.build().encode("utf-8")
    return 0

def target(driver, args):
    return entry_point, None
