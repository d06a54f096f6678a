# Other os functions: getpid, getcwd, listdir, mkdir, rmdir, stat, path.

import os

DIR = "/tmp/rpython_pending_os_misc_dir"

def entry_point(argv):
    print os.getpid() > 0
    print len(os.getcwd()) > 0
    os.mkdir(DIR, 0755)
    for name in ["a.txt", "b.txt"]:
        fd = os.open(DIR + "/" + name, os.O_WRONLY | os.O_CREAT, 0644)
        os.write(fd, "x" * 10)
        os.close(fd)
    names = os.listdir(DIR)
    print len(names)
    st = os.stat(DIR + "/a.txt")
    print st.st_size
    print os.path.exists(DIR + "/b.txt"), os.path.exists(DIR + "/c.txt")
    print os.path.isdir(DIR), os.path.join("a", "b")
    for name in names:
        os.unlink(DIR + "/" + name)
    os.rmdir(DIR)
    print os.path.exists(DIR)
    return 0

def target(driver, args):
    return entry_point, None
