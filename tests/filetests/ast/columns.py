# Columns count characters, not bytes.
x = 'é'; y = 1
s = "日本語"; t = 2
if a:
	b = 1; c = 2
