x = u"\N{BULLET"
