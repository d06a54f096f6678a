# rfile.create_stdio returns RPython file objects for stdin, stdout and
# stderr; the program flushes stdout before each print so the order is kept.

from rpython.rlib import rfile

def entry_point(argv):
    stdin, stdout, stderr = rfile.create_stdio()
    stdout.write("hello from rfile stdout\n")
    stdout.flush()
    print "a print in between"
    stdout.write("number %d\n" % 42)
    stdout.flush()
    stderr.write("this goes to stderr\n")
    stderr.flush()
    print "done"
    return 0

def target(driver, args):
    return entry_point, None
