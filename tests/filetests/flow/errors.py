# Constructs the flow graph builder rejects: each function gives one error.

import os

def undefined_name():
    return nosuchname + 1

def used_before_assignment(x):
    if x:
        y = 1
    return y

def assign_global():
    global G
    G = 1

def module_attribute():
    return os.nosuchfunction

def print_to_file(f):
    print >>f, 'x'

def generator():
    yield 1

def lambdas(x):
    return lambda y: x + y

def lambda_no_capture():
    return lambda y: y + 1

def nested_function():
    def inner():
        return 1
    return inner

def nested_class():
    class Inner:
        pass
    return Inner

def generator_expression(seq):
    return list(x for x in seq)

def kwargs_call(f, d):
    return f(**d)

def kwargs_def(**kw):
    return kw

def exec_statement():
    exec 'x = 1'

def import_in_function():
    import os
    return os

def del_attribute(obj):
    del obj.attr

def extended_slice(s):
    return s[::2]

def set_literal():
    return {1, 2}

def dict_comprehension(seq):
    return {x: x for x in seq}

def with_statement(f):
    with f:
        pass

def bare_raise():
    raise

def raise_traceback(e, v, tb):
    raise e, v, tb

def except_not_constant(cls):
    try:
        pass
    except cls:
        pass

def complex_literal():
    return 1j

def lost_on_one_path(x):
    while x:
        y = 1
        x -= 1
    return y

def del_global():
    global G
    del G

def class_attribute_missing():
    return MyClass.nope

class MyClass(object):
    pass
