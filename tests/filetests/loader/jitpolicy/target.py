# jitpolicy(driver) is called and its result kept; target args are passed.


class Policy(object):
    def look_inside_function(self, func):
        return True

ARGS = []


def entry_point(argv):
    return 0


def target(driver, args):
    ARGS.extend(args)
    return entry_point, None


def jitpolicy(driver):
    return Policy()
