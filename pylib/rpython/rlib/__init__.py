"""rpython.rlib: the support library RPython programs import."""
