if a:
    b = (1,
         2)
c = """x
y"""
