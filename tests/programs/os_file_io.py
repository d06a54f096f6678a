# os.open, os.write, os.lseek, os.read, os.close and os.unlink on a file
# under /tmp.

import os

PATH = "/tmp/rpython_pending_os_file_io.txt"

def entry_point(argv):
    fd = os.open(PATH, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0644)
    n = os.write(fd, "first line\n")
    n += os.write(fd, "second line\n")
    os.close(fd)
    print "wrote", n
    fd = os.open(PATH, os.O_RDONLY, 0)
    data = os.read(fd, 5)
    print "[" + data + "]"
    pos = os.lseek(fd, 6, 0)
    print "seek to", pos
    rest = os.read(fd, 1000)
    print len(rest)
    print rest.replace("\n", "|")
    end = os.read(fd, 10)
    print "at end:", len(end)
    os.close(fd)
    fd = os.open(PATH, os.O_RDWR, 0)
    os.lseek(fd, -5, 2)
    os.write(fd, "LINE\n")
    os.lseek(fd, 0, 0)
    print os.read(fd, 100).replace("\n", "|")
    os.close(fd)
    os.unlink(PATH)
    try:
        os.open(PATH, os.O_RDONLY, 0)
        print "still there"
    except OSError:
        print "removed"
    return 0

def target(driver, args):
    return entry_point, None
