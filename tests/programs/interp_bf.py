# A Brainfuck interpreter in the style of the classic RPython tutorial: the
# program is parsed once (comments dropped, brackets matched), then run by a
# loop with a JitDriver. It runs two embedded programs: "Hello World!" and
# one that reads its input from an embedded string and prints it reversed.

import os
from rpython.rlib.jit import JitDriver, purefunction

HELLO = """
Prints Hello World! (the classic program from Wikipedia)
++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++.
"""

REVERSE = """
Reads characters until a zero byte, then prints them in reverse order
>,[>,]<[.<]
++++++++++.
"""

SQUARES = """
Prints the squares 0 to 100 (by Daniel B Cristofani)
++++[>+++++<-]>[<+++++>-]+<+[>[>+>+<<-]++>>[<<+>>-]>>>[-]++>[-]+
>>>+[[-]++++++>>>]<<<[[<++++++++<++>>-]+<.<[>----<-]<]
<<[>>>>>[>>>[-]+++++++++<[>-<-]+++++++++>[-[<->-]+[<<<]]<[>+<-]>]<<-]<<-]
"""

class Program(object):
    _immutable_fields_ = ['code', 'bracket_map[*]']

    def __init__(self, code, bracket_map):
        self.code = code
        self.bracket_map = bracket_map

def get_location(pc, program):
    code = program.code
    return "%s_%s_%s" % (code[:pc], code[pc], code[pc + 1:])

jitdriver = JitDriver(greens=['pc', 'program'], reds=['tape', 'inp'],
                      get_printable_location=get_location)

class ParseError(Exception):
    def __init__(self, msg):
        self.msg = msg

def parse(source):
    chars = []
    stack = []
    pairs = []
    for c in source:
        if c in "+-<>[].,":
            if c == "[":
                stack.append(len(chars))
            elif c == "]":
                if not stack:
                    raise ParseError("unmatched ]")
                left = stack.pop()
                pairs.append(left)
                pairs.append(len(chars))
            chars.append(c)
    if stack:
        raise ParseError("unmatched [")
    code = "".join(chars)
    bracket_map = [0] * len(code)
    i = 0
    while i < len(pairs):
        left = pairs[i]
        right = pairs[i + 1]
        bracket_map[left] = right
        bracket_map[right] = left
        i += 2
    return Program(code, bracket_map)

@purefunction
def get_matching_bracket(program, pc):
    return program.bracket_map[pc]

class Tape(object):
    def __init__(self):
        self.thetape = [0]
        self.position = 0

    def get(self):
        return self.thetape[self.position]

    def set(self, val):
        self.thetape[self.position] = val

    def inc(self):
        self.thetape[self.position] = (self.thetape[self.position] + 1) & 255

    def dec(self):
        self.thetape[self.position] = (self.thetape[self.position] - 1) & 255

    def advance(self):
        self.position += 1
        if len(self.thetape) <= self.position:
            self.thetape.append(0)

    def devance(self):
        self.position -= 1

class Input(object):
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def read(self):
        if self.pos >= len(self.data):
            return 0
        c = ord(self.data[self.pos])
        self.pos += 1
        return c

def mainloop(program, inp):
    pc = 0
    tape = Tape()
    code = program.code
    while pc < len(code):
        jitdriver.jit_merge_point(pc=pc, program=program, tape=tape, inp=inp)
        code = program.code
        c = code[pc]
        if c == ">":
            tape.advance()
        elif c == "<":
            tape.devance()
        elif c == "+":
            tape.inc()
        elif c == "-":
            tape.dec()
        elif c == ".":
            os.write(1, chr(tape.get()))
        elif c == ",":
            tape.set(inp.read())
        elif c == "[" and tape.get() == 0:
            pc = get_matching_bracket(program, pc)
        elif c == "]" and tape.get() != 0:
            pc = get_matching_bracket(program, pc)
        pc += 1
    return len(tape.thetape)

def run(source, data):
    try:
        program = parse(source)
    except ParseError as e:
        print "parse error:", e.msg
        return -1
    return mainloop(program, Input(data))

def entry_point(argv):
    cells = run(HELLO, "")
    print "cells used:", cells
    cells = run(REVERSE, "!dlrow olleh")
    print "cells used:", cells
    run(SQUARES, "")
    run("[[]", "")
    run("+]", "")
    print get_location(3, parse("+-[<>]"))
    return 0

def target(driver, args):
    return entry_point, None
