x = u"\ud800"
