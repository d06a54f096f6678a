# -*- coding: utf-8 -*-
s = "café"
u = u"café"
