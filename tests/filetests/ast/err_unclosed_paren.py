x = f(a,
      b
