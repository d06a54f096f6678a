"""Helpers to build functions at import time (rpython.tool.sourcetools)."""

import types


def func_with_new_name(func, newname):
    """A copy of `func` named `newname`, with the same code, globals,
    defaults, closure and function attributes (a distinct function for
    the annotator)."""
    f = types.FunctionType(func.func_code, func.func_globals, newname,
                           func.func_defaults, func.func_closure)
    for key, value in func.__dict__.items():
        setattr(f, key, value)
    return f


def func_renamer(newname):
    """Decorator: func_with_new_name(func, newname)."""
    def decorate(func):
        return func_with_new_name(func, newname)
    return decorate


def valid_identifier(stuff):
    """`stuff` with every character that cannot appear in a Python
    identifier replaced by '_'."""
    stuff = str(stuff)
    out = []
    for c in stuff:
        if c.isalnum() or c == '_':
            out.append(c)
        else:
            out.append('_')
    result = ''.join(out)
    if not result or result[0].isdigit():
        result = '_' + result
    return result
