x = u"\N{BULLET}"
