print
print x
print x,
print x, y
print x, y,
print(x)
print(x, y)
print()
print (x), y
print >>f
print >>f, x
print >>f, x, y,
print >> sys.stderr, "error"
print "a" "b", 'c'
print-1
print not x
print x if y else z
print lambda: 1
print `x`
