# os.stat and os.fstat: st_* attributes (times are floats) and items by index.
import os

PATH = "/tmp/rpython_test_os_stat.txt"

def entry_point(argv):
    fd = os.open(PATH + argv[0][:0], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0644)
    os.write(fd, "x" * 123)
    st = os.fstat(fd)
    print st.st_size, st[6]
    os.close(fd)
    st = os.stat(PATH)
    print st.st_size, st.st_mtime > 1e9, st[8] > 1000000000, st.st_nlink
    print (st.st_mode & 0o777) == 0644 or (st.st_mode & 0o777) != 0
    os.unlink(PATH)
    try:
        os.stat(PATH)
    except OSError as e:
        print "gone", e.errno
    return 0

def target(driver, args):
    return entry_point, None
