[x for x in y]
[x for x in y if x]
[x for x in y if x if not x]
[x for x in 1, 2, 3]
[x for x in a, b if x for z in c]
[(x, y) for x in a for y in b]
[x for x, in y]
[x if x else y for x in z]
[x for x in lambda: y]
[x for x in y if lambda: z]
(x for x in y if x for z in w if z)
(x for x in y if a if b)
{x for x in y if x}
{x: y for x, y in z if x}
{(k, v): 1 for (k, v) in items}
[[y for y in x] for x in z]
