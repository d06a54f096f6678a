# OSError from a failing system call carries errno and strerror; raised by
# the program, its two arguments.
import os

def entry_point(argv):
    try:
        os.open("/nonexistent/dir/file" + argv[0][:0], os.O_RDONLY, 0)
    except OSError as e:
        print "errno", e.errno, e.strerror
    try:
        raise OSError(13, "custom")
    except OSError as e:
        print "raised", e.errno, e.strerror
    try:
        os.rmdir("/nonexistent_dir_xyz")
    except OSError as e:
        print "rmdir", e.errno == 2
    return 0

def target(driver, args):
    return entry_point, None
