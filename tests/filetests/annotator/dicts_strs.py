def entry_point(argv):
    d = {}
    d[argv[0]] = len(argv)
    words = argv[0].split(",")
    t = (len(words), d.get("x", -1))
    return t[0] + t[1]

def target(driver, args):
    return entry_point, None
