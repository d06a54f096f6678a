# streamio.fdopen_as_stream wraps an existing file descriptor.

import os
from rpython.rlib.streamio import fdopen_as_stream

PATH = "/tmp/rpython_pending_streamio_fdopen.txt"

def chomp(s):
    if s.endswith("\n"):
        return s[:-1]
    return s

def entry_point(argv):
    fd = os.open(PATH, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0644)
    s = fdopen_as_stream(fd, "w")
    s.write("alpha\nbeta\ngamma\n")
    s.close()
    fd = os.open(PATH, os.O_RDONLY, 0)
    r = fdopen_as_stream(fd, "r")
    lines = []
    while True:
        line = r.readline()
        if not line:
            break
        lines.append(chomp(line))
    r.close()
    print len(lines), "|".join(lines)
    out = fdopen_as_stream(1, "w")
    out.write("written through a stream on fd 1\n")
    out.flush()
    print "after the stream"
    os.unlink(PATH)
    return 0

def target(driver, args):
    return entry_point, None
