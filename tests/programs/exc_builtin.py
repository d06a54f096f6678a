# Built-in exceptions raised by operations and caught by class; only the
# class is printed, never the runtime's message. As RPython requires for
# IndexError and ZeroDivisionError, each operation is directly inside the
# try block that catches its exception.

def entry_point(argv):
    zero = len(argv) - 1
    lst = [1, 2, 3]
    try:
        print lst[zero + 5]
    except IndexError:
        print "list index: IndexError"
    try:
        lst[zero - 4] = 0
    except IndexError:
        print "list store: IndexError"
    d = {"a": 1}
    try:
        print d["b"]
    except KeyError:
        print "dict key: KeyError"
    try:
        print 10 // zero
    except ZeroDivisionError:
        print "int div: ZeroDivisionError"
    try:
        print 10 % zero
    except ZeroDivisionError:
        print "int mod: ZeroDivisionError"
    try:
        print int(argv[0] + "x")
    except ValueError:
        print "int(): ValueError"
    s = "abc" + argv[0]
    try:
        print s[len(s) + zero]
    except IndexError:
        print "str index: IndexError"
    try:
        lst.pop(zero + 7)
    except IndexError:
        print "pop out of range: IndexError"
    try:
        lst.remove(zero + 3)
        lst.remove(zero + 3)
    except ValueError:
        print "remove missing: ValueError"
    try:
        print lst.index(zero + 9)
    except ValueError:
        print "index missing: ValueError"
    try:
        d.pop("q")
    except KeyError:
        print "dict pop missing: KeyError"
    print len(lst), lst[0], lst[1]
    return 0

def target(driver, args):
    return entry_point, None
