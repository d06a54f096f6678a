# rfile.create_file: RPython file objects backed by C stdio (write, read,
# readline, seek, tell, flush, close).

import os
from rpython.rlib import rfile

PATH = "/tmp/rpython_pending_rfile_create.txt"

def chomp(s):
    if s.endswith("\n"):
        return s[:-1]
    return s

def entry_point(argv):
    path = PATH + argv[0][:0]
    f = rfile.create_file(path, "w")
    f.write("first\n")
    f.write("second line\n")
    f.write("third\n")
    f.flush()
    f.close()
    g = rfile.create_file(path, "r")
    print "[" + chomp(g.readline()) + "]"
    print g.tell()
    print "[" + g.read(6) + "]"
    rest = g.read()
    print len(rest), "[" + rest.replace("\n", "|") + "]"
    g.seek(0, 0)
    print "[" + g.read(5) + "]", g.tell()
    g.close()
    os.unlink(path)
    return 0

def target(driver, args):
    return entry_point, None
