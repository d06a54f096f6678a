# StringBuilder: append, append_slice, append_multiple_char, getlength and
# build.

from rpython.rlib.rstring import StringBuilder

def render_table(rows):
    sb = StringBuilder()
    for name, value in rows:
        sb.append(name)
        sb.append_multiple_char(".", 12 - len(name))
        sb.append(str(value))
        sb.append("\n")
    return sb.build()

def entry_point(argv):
    sb = StringBuilder()
    sb.append("hello")
    sb.append(", ")
    sb.append_slice("the world of RPython", 4, 9)
    sb.append("!")
    print sb.getlength()
    print sb.build()
    sized = StringBuilder(100)
    for i in range(10):
        sized.append(str(i))
    sized.append_multiple_char("x", 3)
    print sized.build(), sized.getlength()
    table = render_table([("alpha", 1), ("beta", 22), ("gamma", 333)])
    print table[:-1]
    empty = StringBuilder()
    print "[" + empty.build() + "]", empty.getlength()
    return 0

def target(driver, args):
    return entry_point, None
