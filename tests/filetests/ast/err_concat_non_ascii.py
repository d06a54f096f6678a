x = "\xe9" u"x"
