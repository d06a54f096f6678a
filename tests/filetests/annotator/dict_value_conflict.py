def entry_point(argv):
    d = {"a": 1}
    d["b"] = "two"
    return 0

def target(driver, args):
    return entry_point, None
