# Comments and blank lines do not affect indentation.

if a:

    # comment at another indentation
        # and another
    b
    if c:
            d  # deeper than needed is fine
    e
  # a comment may sit anywhere
    f
g = (1,
  2,
        3)
h = [
]
i = {1:
2}
j = 1 + \
    2
if k: l; m
if n:
    o; p;
def q(r,
      s): return \
    r
x = """
   not indentation
"""
while y:
    if z:
        pass
# dedent of several levels at once
last = 1
