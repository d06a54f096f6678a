a, (b, None) = x
