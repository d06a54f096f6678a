# -*- coding: latin-1 -*-
s = "café"
u = u"café"
