# A JitDriver with explicit greens and reds in a small bytecode loop:
# jit_merge_point at the top of the loop and can_enter_jit on backward
# jumps. Without the JIT these are no-ops; the program's output is the
# interpreter's.

from rpython.rlib.jit import JitDriver

driver = JitDriver(greens=['pc', 'code'], reds=['acc', 'counter'])

# ops: "+" acc += 1, "-" counter -= 1, "j" jump back to 0 if counter > 0
def run(code, counter):
    pc = 0
    acc = 0
    while pc < len(code):
        driver.jit_merge_point(pc=pc, code=code, acc=acc, counter=counter)
        op = code[pc]
        if op == "+":
            acc += 1
            pc += 1
        elif op == "-":
            counter -= 1
            pc += 1
        elif op == "j":
            if counter > 0:
                pc = 0
                driver.can_enter_jit(pc=pc, code=code, acc=acc, counter=counter)
            else:
                pc += 1
        else:
            pc += 1
    return acc

def entry_point(argv):
    print run("++-j", 10)
    print run("+++-j", 1000)
    print run("+x+", 5)
    return 0

def target(driver, args):
    return entry_point, None
