# Tabs advance to the next multiple of 8, as in CPython.
if a:
	b
        c
	if d:
		e
	        f
  	g
