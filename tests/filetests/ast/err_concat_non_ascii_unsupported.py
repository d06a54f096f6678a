x = "\xe9" u"\ud800"
