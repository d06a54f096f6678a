# decode and encode between byte strings and unicode with the ascii,
# latin-1 and utf-8 codecs.

def entry_point(argv):
    raw = "caf\xc3\xa9" + argv[0][:0]
    u = raw.decode("utf-8")
    print len(raw), len(u)
    back = u.encode("utf-8")
    print back == raw, len(back)
    latin = u.encode("latin-1")
    print len(latin), ord(latin[3])
    u2 = latin.decode("latin-1")
    print u2 == u
    a = "plain ascii".decode("ascii")
    print a.encode("ascii")
    try:
        raw.decode("ascii")
        print "no error"
    except UnicodeDecodeError:
        print "UnicodeDecodeError"
    try:
        u.encode("ascii")
        print "no error"
    except UnicodeEncodeError:
        print "UnicodeEncodeError"
    return 0

def target(driver, args):
    return entry_point, None
