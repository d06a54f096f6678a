# A register machine: an assembler turns text with labels and comments into
# instructions, and a dispatch loop (with a JitDriver) runs them on eight
# registers with a call stack. Several small programs are assembled and run.

from rpython.rlib.jit import JitDriver

NUM_REGS = 8

(OP_LOAD, OP_MOV, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD, OP_INC, OP_DEC,
 OP_JMP, OP_JZ, OP_JNZ, OP_JLT, OP_PRINT, OP_CALL, OP_RET, OP_HALT) = range(17)

# name -> (opcode, operand kinds): r = register, i = immediate, l = label
OPCODES = {
    "load": (OP_LOAD, "ri"), "mov": (OP_MOV, "rr"),
    "add": (OP_ADD, "rrr"), "sub": (OP_SUB, "rrr"), "mul": (OP_MUL, "rrr"),
    "div": (OP_DIV, "rrr"), "mod": (OP_MOD, "rrr"),
    "inc": (OP_INC, "r"), "dec": (OP_DEC, "r"),
    "jmp": (OP_JMP, "l"), "jz": (OP_JZ, "rl"), "jnz": (OP_JNZ, "rl"),
    "jlt": (OP_JLT, "rrl"), "print": (OP_PRINT, "r"),
    "call": (OP_CALL, "l"), "ret": (OP_RET, ""), "halt": (OP_HALT, ""),
}

class AsmError(Exception):
    def __init__(self, line, msg):
        self.line = line
        self.msg = msg

class Instr(object):
    _immutable_fields_ = ['op', 'a', 'b', 'c']

    def __init__(self, op, a, b, c):
        self.op = op
        self.a = a
        self.b = b
        self.c = c

class Program(object):
    _immutable_fields_ = ['instrs[*]', 'name']

    def __init__(self, name, instrs):
        self.name = name
        self.instrs = instrs

def parse_register(tok, line):
    if len(tok) == 2 and tok[0] == "r" and tok[1].isdigit():
        n = ord(tok[1]) - ord("0")
        if n < NUM_REGS:
            return n
    raise AsmError(line, "bad register " + tok)

def parse_int(tok, line):
    try:
        return int(tok)
    except ValueError:
        raise AsmError(line, "bad number " + tok)

def tokenize_operands(text):
    out = []
    for part in text.split(","):
        part = part.strip()
        if part:
            out.append(part)
    return out

def assemble(name, source):
    labels = {}
    pending = []        # (line number, opname, operand tokens)
    lineno = 0
    for raw in source.split("\n"):
        lineno += 1
        semi = raw.find(";")
        if semi >= 0:
            raw = raw[:semi]
        text = raw.strip()
        colon = text.find(":")
        if colon >= 0:
            label = text[:colon].strip()
            if label in labels:
                raise AsmError(lineno, "duplicate label " + label)
            labels[label] = len(pending)
            text = text[colon + 1:].strip()
        if not text:
            continue
        space = text.find(" ")
        if space < 0:
            opname = text
            rest = ""
        else:
            opname = text[:space]
            rest = text[space + 1:]
        pending.append((lineno, opname, tokenize_operands(rest)))
    instrs = []
    for line, opname, toks in pending:
        if opname not in OPCODES:
            raise AsmError(line, "unknown instruction " + opname)
        op, kinds = OPCODES[opname]
        if len(toks) != len(kinds):
            raise AsmError(line, "%s takes %d operands" % (opname, len(kinds)))
        args = [0, 0, 0]
        for i in range(len(kinds)):
            k = kinds[i]
            if k == "r":
                args[i] = parse_register(toks[i], line)
            elif k == "i":
                args[i] = parse_int(toks[i], line)
            else:
                if toks[i] not in labels:
                    raise AsmError(line, "unknown label " + toks[i])
                args[i] = labels[toks[i]]
        instrs.append(Instr(op, args[0], args[1], args[2]))
    return Program(name, instrs)

class Machine(object):
    def __init__(self):
        self.regs = [0] * NUM_REGS
        self.callstack = []
        self.steps = 0
        self.output = []

def get_location(pc, program):
    return "%s:%d" % (program.name, pc)

driver = JitDriver(greens=['pc', 'program'], reds=['machine'],
                   get_printable_location=get_location)

class MachineError(Exception):
    def __init__(self, msg):
        self.msg = msg

def run(program, machine):
    pc = 0
    regs = machine.regs
    while pc < len(program.instrs):
        driver.jit_merge_point(pc=pc, program=program, machine=machine)
        ins = program.instrs[pc]
        machine.steps += 1
        op = ins.op
        pc += 1
        if op == OP_LOAD:
            regs[ins.a] = ins.b
        elif op == OP_MOV:
            regs[ins.a] = regs[ins.b]
        elif op == OP_ADD:
            regs[ins.a] = regs[ins.b] + regs[ins.c]
        elif op == OP_SUB:
            regs[ins.a] = regs[ins.b] - regs[ins.c]
        elif op == OP_MUL:
            regs[ins.a] = regs[ins.b] * regs[ins.c]
        elif op == OP_DIV or op == OP_MOD:
            d = regs[ins.c]
            if d == 0:
                raise MachineError("division by zero at %d" % (pc - 1))
            if op == OP_DIV:
                regs[ins.a] = regs[ins.b] // d
            else:
                regs[ins.a] = regs[ins.b] % d
        elif op == OP_INC:
            regs[ins.a] += 1
        elif op == OP_DEC:
            regs[ins.a] -= 1
        elif op == OP_JMP:
            pc = ins.a
        elif op == OP_JZ:
            if regs[ins.a] == 0:
                pc = ins.b
        elif op == OP_JNZ:
            if regs[ins.a] != 0:
                old = pc
                pc = ins.b
                if pc < old:
                    driver.can_enter_jit(pc=pc, program=program, machine=machine)
        elif op == OP_JLT:
            if regs[ins.a] < regs[ins.b]:
                pc = ins.c
        elif op == OP_PRINT:
            machine.output.append(str(regs[ins.a]))
        elif op == OP_CALL:
            machine.callstack.append(pc)
            pc = ins.a
        elif op == OP_RET:
            if not machine.callstack:
                raise MachineError("ret with an empty call stack")
            pc = machine.callstack.pop()
        elif op == OP_HALT:
            break
    return machine

FACTORIAL = """
; r0 = 10!
        load r0, 1
        load r1, 10
loop:   jz r1, done
        mul r0, r0, r1
        dec r1
        jmp loop
done:   print r0
        halt
"""

FIBONACCI = """
; prints the first 15 Fibonacci numbers
        load r0, 0      ; a
        load r1, 1      ; b
        load r2, 15     ; count
next:   print r0
        add r3, r0, r1
        mov r0, r1
        mov r1, r3
        dec r2
        jnz r2, next
        halt
"""

GCD = """
        load r0, 1071
        load r1, 462
again:  jz r1, out
        mod r2, r0, r1
        mov r0, r1
        mov r1, r2
        jmp again
out:    print r0
        halt
"""

PRIMES = """
; counts the primes below 300 by trial division
        load r0, 2          ; candidate
        load r5, 300        ; limit
        load r6, 0          ; count
cand:   jlt r0, r5, test
        print r6
        halt
test:   load r1, 2          ; divisor
div:    mul r2, r1, r1
        jlt r0, r2, prime   ; divisor * divisor > candidate
        mod r3, r0, r1
        jz r3, notprime
        inc r1
        jmp div
prime:  inc r6
notprime: inc r0
        jmp cand
"""

SUBROUTINES = """
; sum of squares 1..20 with a subroutine
        load r0, 0          ; total
        load r1, 20
loop:   mov r2, r1
        call square
        add r0, r0, r3
        dec r1
        jnz r1, loop
        print r0
        halt
square: mul r3, r2, r2
        ret
"""

BROKEN = [
    ("bad op", "load r0, 1\nfrob r0\n"),
    ("bad reg", "load r9, 1\n"),
    ("bad label", "jmp nowhere\n"),
    ("bad count", "add r0, r1\n"),
    ("bad number", "load r0, 12x\n"),
]

def execute(name, source):
    try:
        program = assemble(name, source)
    except AsmError as e:
        print "%s: line %d: %s" % (name, e.line, e.msg)
        return
    machine = Machine()
    try:
        run(program, machine)
    except MachineError as e:
        print "%s: runtime error: %s" % (name, e.msg)
        return
    print "%s (%d instructions, %d steps): %s" % (name, len(program.instrs),
                                                 machine.steps, " ".join(machine.output))

def entry_point(argv):
    execute("factorial", FACTORIAL)
    execute("fibonacci", FIBONACCI)
    execute("gcd", GCD)
    execute("primes", PRIMES)
    execute("subroutines", SUBROUTINES)
    execute("divzero", "load r0, 5\nload r1, 0\ndiv r2, r0, r1\nhalt\n")
    execute("ret", "ret\n")
    for name, source in BROKEN:
        execute(name, source)
    return 0

def target(driver, args):
    return entry_point, None
