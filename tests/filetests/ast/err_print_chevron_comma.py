print >>f,
