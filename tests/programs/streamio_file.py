# streamio: open_file_as_stream for writing and reading a file under /tmp
# (write, flush, close, read, readall, readline, seek, tell).

import os
from rpython.rlib.streamio import open_file_as_stream

PATH = "/tmp/rpython_pending_streamio_file.txt"

def chomp(s):
    if s.endswith("\n"):
        return s[:-1]
    return s

def entry_point(argv):
    out = open_file_as_stream(PATH, "w")
    out.write("line one\n")
    out.write("line two\n")
    for i in range(3):
        out.write("number %d\n" % i)
    out.flush()
    out.close()
    f = open_file_as_stream(PATH, "r")
    print "[" + chomp(f.readline()) + "]"
    print f.tell()
    print "[" + f.read(4) + "]"
    rest = f.readall()
    print len(rest), rest.count("\n")
    f.seek(0, 0)
    print f.tell(), "[" + f.read(8) + "]"
    f.seek(-9, 2)
    print "[" + chomp(f.readline()) + "]"
    print "[" + f.readline() + "]"
    f.close()
    os.unlink(PATH)
    return 0

def target(driver, args):
    return entry_point, None
