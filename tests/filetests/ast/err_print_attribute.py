x.print
