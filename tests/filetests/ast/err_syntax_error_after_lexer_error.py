y = "unterminated
x = = 1
