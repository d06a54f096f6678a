# Functions made at import time: closures, decorators that set attributes,
# functions generated in a loop and attached to a class with setattr.


def dont_look_inside(func):
    func._jit_look_inside_ = False
    return func


def specialize_arg(n):
    def decorate(func):
        func._annspecialcase_ = 'specialize:arg(%d)' % n
        return func
    return decorate


def make_adder(n):
    def add(x):
        return x + n
    return add

add3 = make_adder(3)
add4 = make_adder(4)


class Interp(object):
    def __init__(self):
        self.stack = []


def make_op(name, op):
    def opcode(self):
        b = self.stack.pop()
        a = self.stack.pop()
        self.stack.append(op(a, b))
    opcode.func_name = 'op_' + name
    return opcode

for _name, _op in [('add', lambda a, b: a + b), ('sub', lambda a, b: a - b)]:
    setattr(Interp, 'op_' + _name, make_op(_name, _op))
del _name, _op


@dont_look_inside
def slow_path(x):
    return x * 2


@specialize_arg(0)
def generic(x):
    return x


def entry_point(argv):
    i = Interp()
    i.stack.append(add3(1))
    i.stack.append(add4(1))
    i.op_add()
    return slow_path(i.stack[0]) + generic(0)


def target(driver, args):
    return entry_point, None
