"""The `rpython` package bundled with the toolchain (pylib/rpython).

Written for this project in plain Python 2.7, from the documented behaviour
of the library that RPython programs import (`rpython.rlib.jit`,
`rpython.rlib.rarithmetic`, ...).  Every module runs untranslated on
CPython 2.7 and is also evaluated at import time by the translator's loader,
so the code sticks to simple classes and functions.
"""
