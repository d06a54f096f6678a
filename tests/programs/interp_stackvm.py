# A stack-bytecode interpreter for a tiny language with its own lexer,
# recursive-descent parser, compiler and virtual machine. Values are boxed
# objects (ints and strings); functions are compiled to code objects with
# constants and locals; the VM loop has a JitDriver. The program compiles
# and runs an embedded source text, disassembles one function, and shows
# errors at compile time and at run time.

from rpython.rlib.jit import JitDriver, promote
from rpython.rlib.rstring import StringBuilder

SOURCE = """
fun fib(n) {
    if (n < 2) { return n; }
    return fib(n - 1) + fib(n - 2);
}

fun fact(n) {
    var result = 1;
    while (n > 1) { result = result * n; n = n - 1; }
    return result;
}

fun gcd(a, b) {
    while (b != 0) { var t = a % b; a = b; b = t; }
    return a;
}

fun repeat(s, n) {
    var out = "";
    while (n > 0) { out = out + s; n = n - 1; }
    return out;
}

fun collatz(n) {
    var steps = 0;
    while (n != 1) {
        if (n % 2 == 0) { n = n / 2; } else { n = 3 * n + 1; }
        steps = steps + 1;
    }
    return steps;
}

var i = 0;
while (i < 12) { print "fib", i, fib(i); i = i + 1; }
print "fact(15) =", fact(15);
print "gcd:", gcd(1071, 462), gcd(17, 5);
print repeat("ab", 4) + "!";
print "collatz(27) takes", collatz(27), "steps";
print -(3 + 4) * 2, 7 / 2, -7 / 2, 7 % -3, !0, !5, 1 < 2, 2 <= 1;
print "abc" == "abc", "abc" != "abd", "x" + "y" == "xy";
"""

# ---------------------------------------------------------------- values

class W_Object(object):
    def to_str(self):
        raise NotImplementedError

    def is_true(self):
        raise NotImplementedError

class W_Int(W_Object):
    _immutable_fields_ = ['value']

    def __init__(self, value):
        self.value = value

    def to_str(self):
        return str(self.value)

    def is_true(self):
        return self.value != 0

class W_Str(W_Object):
    _immutable_fields_ = ['value']

    def __init__(self, value):
        self.value = value

    def to_str(self):
        return self.value

    def is_true(self):
        return len(self.value) > 0

class LangError(Exception):
    def __init__(self, msg):
        self.msg = msg

# ---------------------------------------------------------------- lexer

class Token(object):
    def __init__(self, kind, text, line):
        self.kind = kind      # "num", "str", "name", "op", "eof"
        self.text = text
        self.line = line

KEYWORDS = ["fun", "var", "if", "else", "while", "return", "print"]
TWO_CHAR_OPS = ["==", "!=", "<=", ">="]

def tokenize(src):
    tokens = []
    i = 0
    line = 1
    n = len(src)
    while i < n:
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif c == " " or c == "\t":
            i += 1
        elif c == "#":
            while i < n and src[i] != "\n":
                i += 1
        elif c.isdigit():
            start = i
            while i < n and src[i].isdigit():
                i += 1
            tokens.append(Token("num", src[start:i], line))
        elif c.isalpha() or c == "_":
            start = i
            while i < n and (src[i].isalnum() or src[i] == "_"):
                i += 1
            tokens.append(Token("name", src[start:i], line))
        elif c == '"':
            i += 1
            start = i
            while i < n and src[i] != '"':
                i += 1
            if i >= n:
                raise LangError("line %d: unterminated string" % line)
            tokens.append(Token("str", src[start:i], line))
            i += 1
        elif i + 1 < n and src[i:i + 2] in TWO_CHAR_OPS:
            tokens.append(Token("op", src[i:i + 2], line))
            i += 2
        elif c in "+-*/%<>=!(){},;":
            tokens.append(Token("op", c, line))
            i += 1
        else:
            raise LangError("line %d: unexpected character %s" % (line, c))
    tokens.append(Token("eof", "", line))
    return tokens

# ---------------------------------------------------------------- bytecode

(LOAD_CONST, LOAD_LOCAL, STORE_LOCAL, BINARY_OP, UNARY_NEG, UNARY_NOT,
 JUMP, JUMP_IF_FALSE, CALL, PRINT, RETURN, POP) = range(12)

OPNAMES = ["LOAD_CONST", "LOAD_LOCAL", "STORE_LOCAL", "BINARY_OP", "UNARY_NEG",
           "UNARY_NOT", "JUMP", "JUMP_IF_FALSE", "CALL", "PRINT", "RETURN", "POP"]

BINOPS = ["+", "-", "*", "/", "%", "<", "<=", ">", ">=", "==", "!="]

class Code(object):
    _immutable_fields_ = ['name', 'bytecode[*]', 'consts[*]', 'nparams', 'nlocals']

    def __init__(self, name, bytecode, consts, nparams, nlocals):
        self.name = name
        self.bytecode = bytecode
        self.consts = consts
        self.nparams = nparams
        self.nlocals = nlocals

class Module(object):
    def __init__(self):
        self.functions = []       # Code objects, indexed by CALL
        self.function_index = {}  # name -> index

# ---------------------------------------------------------------- parser + compiler

class FunctionBuilder(object):
    def __init__(self, name, params):
        self.name = name
        self.code = []
        self.consts = []
        self.locals = {}
        self.nparams = len(params)
        for p in params:
            self.local_index(p)

    def local_index(self, name):
        if name not in self.locals:
            self.locals[name] = len(self.locals)
        return self.locals[name]

    def emit(self, op, arg):
        self.code.append(op)
        self.code.append(arg)
        return len(self.code) - 1      # position of the argument

    def patch(self, pos, target):
        self.code[pos] = target

    def const(self, w_value):
        self.consts.append(w_value)
        return len(self.consts) - 1

    def build(self):
        return Code(self.name, self.code[:], self.consts[:], self.nparams, len(self.locals))

class Parser(object):
    def __init__(self, tokens, module):
        self.tokens = tokens
        self.pos = 0
        self.module = module
        self.fb = FunctionBuilder("<main>", [])

    def peek(self):
        return self.tokens[self.pos]

    def next(self):
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def error(self, msg):
        raise LangError("line %d: %s" % (self.peek().line, msg))

    def check(self, text):
        tok = self.peek()
        return (tok.kind == "op" or tok.kind == "name") and tok.text == text

    def expect(self, text):
        if not self.check(text):
            self.error("expected '%s' but found '%s'" % (text, self.peek().text))
        self.next()

    def expect_name(self):
        tok = self.next()
        if tok.kind != "name" or tok.text in KEYWORDS:
            raise LangError("line %d: expected a name" % tok.line)
        return tok.text

    def declare_functions(self):
        # first pass: every "fun NAME" gets an index, so calls may come first
        for i in range(len(self.tokens) - 1):
            tok = self.tokens[i]
            if tok.kind == "name" and tok.text == "fun":
                name = self.tokens[i + 1].text
                self.module.function_index[name] = len(self.module.functions)
                self.module.functions.append(None)

    def parse_program(self):
        self.declare_functions()
        while self.peek().kind != "eof":
            if self.check("fun"):
                self.parse_function()
            else:
                self.statement()
        self.fb.emit(LOAD_CONST, self.fb.const(W_Int(0)))
        self.fb.emit(RETURN, 0)
        return self.fb.build()

    def parse_function(self):
        self.expect("fun")
        name = self.expect_name()
        self.expect("(")
        params = []
        if not self.check(")"):
            params.append(self.expect_name())
            while self.check(","):
                self.next()
                params.append(self.expect_name())
        self.expect(")")
        outer = self.fb
        self.fb = FunctionBuilder(name, params)
        self.block()
        self.fb.emit(LOAD_CONST, self.fb.const(W_Int(0)))
        self.fb.emit(RETURN, 0)
        self.module.functions[self.module.function_index[name]] = self.fb.build()
        self.fb = outer

    def block(self):
        self.expect("{")
        while not self.check("}"):
            if self.peek().kind == "eof":
                self.error("unexpected end of input")
            self.statement()
        self.expect("}")

    def statement(self):
        fb = self.fb
        if self.check("var"):
            self.next()
            name = self.expect_name()
            self.expect("=")
            self.expression()
            fb.emit(STORE_LOCAL, fb.local_index(name))
            self.expect(";")
        elif self.check("print"):
            self.next()
            count = 1
            self.expression()
            while self.check(","):
                self.next()
                self.expression()
                count += 1
            fb.emit(PRINT, count)
            self.expect(";")
        elif self.check("if"):
            self.next()
            self.expect("(")
            self.expression()
            self.expect(")")
            jump_else = fb.emit(JUMP_IF_FALSE, 0)
            self.block()
            if self.check("else"):
                self.next()
                jump_end = fb.emit(JUMP, 0)
                fb.patch(jump_else, len(fb.code))
                self.block()
                fb.patch(jump_end, len(fb.code))
            else:
                fb.patch(jump_else, len(fb.code))
        elif self.check("while"):
            self.next()
            top = len(fb.code)
            self.expect("(")
            self.expression()
            self.expect(")")
            jump_out = fb.emit(JUMP_IF_FALSE, 0)
            self.block()
            fb.emit(JUMP, top)
            fb.patch(jump_out, len(fb.code))
        elif self.check("return"):
            self.next()
            self.expression()
            fb.emit(RETURN, 0)
            self.expect(";")
        elif (self.peek().kind == "name" and self.tokens[self.pos + 1].kind == "op"
              and self.tokens[self.pos + 1].text == "="):
            name = self.next().text
            if name not in fb.locals:
                self.error("assignment to undeclared variable " + name)
            self.next()
            self.expression()
            fb.emit(STORE_LOCAL, fb.locals[name])
            self.expect(";")
        else:
            self.expression()
            fb.emit(POP, 0)
            self.expect(";")

    def expression(self):
        self.binary(0)

    def binary(self, level):
        # levels: 0 equality, 1 comparison, 2 additive, 3 multiplicative
        if level == 4:
            self.unary()
            return
        self.binary(level + 1)
        while True:
            tok = self.peek()
            if tok.kind != "op" or not op_at_level(tok.text, level):
                break
            self.next()
            self.binary(level + 1)
            self.fb.emit(BINARY_OP, BINOPS.index(tok.text))

    def unary(self):
        if self.check("-"):
            self.next()
            self.unary()
            self.fb.emit(UNARY_NEG, 0)
        elif self.check("!"):
            self.next()
            self.unary()
            self.fb.emit(UNARY_NOT, 0)
        else:
            self.primary()

    def primary(self):
        tok = self.next()
        fb = self.fb
        if tok.kind == "num":
            fb.emit(LOAD_CONST, fb.const(W_Int(int(tok.text))))
        elif tok.kind == "str":
            fb.emit(LOAD_CONST, fb.const(W_Str(tok.text)))
        elif tok.kind == "name" and tok.text not in KEYWORDS:
            if self.check("("):
                self.next()
                if tok.text not in self.module.function_index:
                    raise LangError("line %d: unknown function %s" % (tok.line, tok.text))
                nargs = 0
                if not self.check(")"):
                    self.expression()
                    nargs += 1
                    while self.check(","):
                        self.next()
                        self.expression()
                        nargs += 1
                self.expect(")")
                fb.emit(CALL, self.module.function_index[tok.text] * 256 + nargs)
            else:
                if tok.text not in fb.locals:
                    raise LangError("line %d: unknown variable %s" % (tok.line, tok.text))
                fb.emit(LOAD_LOCAL, fb.locals[tok.text])
        elif tok.kind == "op" and tok.text == "(":
            self.expression()
            self.expect(")")
        else:
            raise LangError("line %d: unexpected '%s'" % (tok.line, tok.text))

def op_at_level(text, level):
    if level == 0:
        return text == "==" or text == "!="
    elif level == 1:
        return text == "<" or text == "<=" or text == ">" or text == ">="
    elif level == 2:
        return text == "+" or text == "-"
    return text == "*" or text == "/" or text == "%"

def compile_source(src):
    module = Module()
    parser = Parser(tokenize(src), module)
    main = parser.parse_program()
    for i in range(len(module.functions)):
        if module.functions[i] is None:
            raise LangError("function declared but not defined")
    return module, main

# ---------------------------------------------------------------- VM

class Frame(object):
    def __init__(self, code):
        self.locals = [None] * code.nlocals
        self.stack = []

    def push(self, w):
        self.stack.append(w)

    def pop(self):
        return self.stack.pop()

def get_location(pc, code):
    return "%s:%d %s" % (code.name, pc, OPNAMES[code.bytecode[pc]])

driver = JitDriver(greens=['pc', 'code'], reds=['frame', 'module'],
                   get_printable_location=get_location)

W_TRUE = W_Int(1)
W_FALSE = W_Int(0)

def wrap_bool(flag):
    if flag:
        return W_TRUE
    return W_FALSE

def binary_op(op, w_a, w_b):
    if isinstance(w_a, W_Int) and isinstance(w_b, W_Int):
        a = w_a.value
        b = w_b.value
        if op == 0:
            return W_Int(a + b)
        elif op == 1:
            return W_Int(a - b)
        elif op == 2:
            return W_Int(a * b)
        elif op == 3 or op == 4:
            if b == 0:
                raise LangError("division by zero")
            if op == 3:
                return W_Int(a // b)
            return W_Int(a % b)
        elif op == 5:
            return wrap_bool(a < b)
        elif op == 6:
            return wrap_bool(a <= b)
        elif op == 7:
            return wrap_bool(a > b)
        elif op == 8:
            return wrap_bool(a >= b)
        elif op == 9:
            return wrap_bool(a == b)
        return wrap_bool(a != b)
    if isinstance(w_a, W_Str) and isinstance(w_b, W_Str):
        if op == 0:
            return W_Str(w_a.value + w_b.value)
        elif op == 9:
            return wrap_bool(w_a.value == w_b.value)
        elif op == 10:
            return wrap_bool(w_a.value != w_b.value)
    raise LangError("unsupported operand types for " + BINOPS[op])

def execute(module, code, args):
    frame = Frame(code)
    for i in range(len(args)):
        frame.locals[i] = args[i]
    pc = 0
    while True:
        driver.jit_merge_point(pc=pc, code=code, frame=frame, module=module)
        op = code.bytecode[pc]
        arg = code.bytecode[pc + 1]
        pc += 2
        if op == LOAD_CONST:
            frame.push(code.consts[arg])
        elif op == LOAD_LOCAL:
            w = frame.locals[arg]
            if w is None:
                raise LangError("variable used before assignment")
            frame.push(w)
        elif op == STORE_LOCAL:
            frame.locals[arg] = frame.pop()
        elif op == BINARY_OP:
            w_b = frame.pop()
            w_a = frame.pop()
            frame.push(binary_op(arg, w_a, w_b))
        elif op == UNARY_NEG:
            w = frame.pop()
            if not isinstance(w, W_Int):
                raise LangError("cannot negate a string")
            frame.push(W_Int(-w.value))
        elif op == UNARY_NOT:
            frame.push(wrap_bool(not frame.pop().is_true()))
        elif op == JUMP:
            old = pc
            pc = arg
            if pc < old:
                driver.can_enter_jit(pc=pc, code=code, frame=frame, module=module)
        elif op == JUMP_IF_FALSE:
            if not frame.pop().is_true():
                pc = arg
        elif op == CALL:
            callee = module.functions[promote(arg >> 8)]
            nargs = arg & 255
            if nargs != callee.nparams:
                raise LangError("%s takes %d arguments, got %d" % (callee.name, callee.nparams, nargs))
            call_args = [None] * nargs
            for i in range(nargs - 1, -1, -1):
                call_args[i] = frame.pop()
            frame.push(execute(module, callee, call_args))
        elif op == PRINT:
            items = [""] * arg
            for i in range(arg - 1, -1, -1):
                items[i] = frame.pop().to_str()
            print " ".join(items)
        elif op == RETURN:
            return frame.pop()
        elif op == POP:
            frame.pop()

def disassemble(code):
    sb = StringBuilder()
    sb.append("code %s (%d params, %d locals)\n" % (code.name, code.nparams, code.nlocals))
    pc = 0
    while pc < len(code.bytecode):
        op = code.bytecode[pc]
        arg = code.bytecode[pc + 1]
        sb.append("  %d %s" % (pc, OPNAMES[op]))
        if op == LOAD_CONST:
            sb.append(" " + code.consts[arg].to_str())
        elif op == BINARY_OP:
            sb.append(" " + BINOPS[arg])
        elif op == CALL:
            sb.append(" %d/%d" % (arg >> 8, arg & 255))
        elif op != RETURN and op != POP and op != UNARY_NEG and op != UNARY_NOT:
            sb.append(" %d" % arg)
        sb.append("\n")
        pc += 2
    return sb.build()

def run_source(name, src):
    try:
        module, main = compile_source(src)
    except LangError as e:
        print "%s: compile error: %s" % (name, e.msg)
        return
    try:
        execute(module, main, [])
    except LangError as e:
        print "%s: runtime error: %s" % (name, e.msg)

def entry_point(argv):
    run_source("main", SOURCE)
    module, main = compile_source(SOURCE)
    print disassemble(module.functions[module.function_index["fib"]])[:-1]
    run_source("syntax", "var x = (1 + 2;")
    run_source("unknown", "print y;")
    run_source("badchar", "var a = 1 @ 2;")
    run_source("divzero", "fun f(x) { return 10 / x; }\nprint f(2);\nprint f(0);")
    run_source("types", "print 1 + \"a\";")
    run_source("arity", "fun g(a, b) { return a; }\nprint g(1);")
    return 0

def target(driver, args):
    return entry_point, None
