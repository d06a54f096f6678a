# isinstance with classes and hasattr with a constant attribute name.

class Settings(object):
    def _freeze_(self):
        return True

SETTINGS = Settings()
SETTINGS.verbose = True

class Base(object):
    pass

class WithName(Base):
    def __init__(self, name):
        self.name = name

class WithSize(Base):
    def __init__(self, size):
        self.size = size

def describe(obj):
    out = []
    if isinstance(obj, WithName):
        out.append("name=" + obj.name)
    if isinstance(obj, WithSize):
        out.append("size=" + str(obj.size))
    if isinstance(obj, Base):
        out.append("base")
    return " ".join(out)

def entry_point(argv):
    objs = [WithName("x"), WithSize(3), Base()]
    for o in objs:
        print describe(o)
    # hasattr needs an answer known at translation time: it is used on
    # frozen prebuilt objects
    print hasattr(SETTINGS, "verbose"), hasattr(SETTINGS, "quiet")
    return 0

def target(driver, args):
    return entry_point, None
