# property() with getters (and a setter) on classes.

class Rect(object):
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def _get_area(self):
        return self.w * self.h
    area = property(_get_area)

    def _get_width(self):
        return self.w

    def _set_width(self, value):
        if value < 0:
            value = 0
        self.w = value
    width = property(_get_width, _set_width)

class Square(Rect):
    def __init__(self, side):
        Rect.__init__(self, side, side)

def entry_point(argv):
    r = Rect(3, 4)
    print r.area
    r.width = 10
    print r.width, r.area
    r.width = -5
    print r.width, r.area
    s = Square(6)
    print s.area, s.width
    return 0

def target(driver, args):
    return entry_point, None
