# Benchmark input for translation speed: about 300 lines of the skeleton subset.
# Generated once by hand-written templates; it is ordinary code, not a stress test.

LIMIT = 1000
LABEL = "checksum"

def step0(n, acc=0):
    # Mixes n into acc with operation set 0.
    i = 0
    while i < n:
        if i % 2 == 0:
            acc = acc + i * 1
        elif i % 3 == 0:
            acc = acc - (i // 1)
        else:
            acc = acc ^ (i << 0)
        i += 1
    return acc % 1000003

def step1(n, acc=0):
    # Mixes n into acc with operation set 1.
    i = 0
    while i < n:
        if i % 3 == 0:
            acc = acc + i * 2
        elif i % 3 == 1:
            acc = acc - (i // 2)
        else:
            acc = acc ^ (i << 1)
        i += 1
    return acc % 1000003

def step2(n, acc=0):
    # Mixes n into acc with operation set 2.
    i = 0
    while i < n:
        if i % 4 == 0:
            acc = acc + i * 3
        elif i % 3 == 2:
            acc = acc - (i // 3)
        else:
            acc = acc ^ (i << 2)
        i += 1
    return acc % 1000003

def step3(n, acc=0):
    # Mixes n into acc with operation set 3.
    i = 0
    while i < n:
        if i % 5 == 0:
            acc = acc + i * 4
        elif i % 3 == 0:
            acc = acc - (i // 4)
        else:
            acc = acc ^ (i << 3)
        i += 1
    return acc % 1000003

def step4(n, acc=0):
    # Mixes n into acc with operation set 0.
    i = 0
    while i < n:
        if i % 6 == 0:
            acc = acc + i * 5
        elif i % 3 == 1:
            acc = acc - (i // 5)
        else:
            acc = acc ^ (i << 4)
        i += 1
    return acc % 1000003

def step5(n, acc=0):
    # Mixes n into acc with operation set 1.
    i = 0
    while i < n:
        if i % 7 == 0:
            acc = acc + i * 6
        elif i % 3 == 2:
            acc = acc - (i // 1)
        else:
            acc = acc ^ (i << 5)
        i += 1
    return acc % 1000003

def step6(n, acc=0):
    # Mixes n into acc with operation set 2.
    i = 0
    while i < n:
        if i % 8 == 0:
            acc = acc + i * 7
        elif i % 3 == 0:
            acc = acc - (i // 2)
        else:
            acc = acc ^ (i << 6)
        i += 1
    return acc % 1000003

def step7(n, acc=0):
    # Mixes n into acc with operation set 3.
    i = 0
    while i < n:
        if i % 9 == 0:
            acc = acc + i * 8
        elif i % 3 == 1:
            acc = acc - (i // 3)
        else:
            acc = acc ^ (i << 0)
        i += 1
    return acc % 1000003

def step8(n, acc=0):
    # Mixes n into acc with operation set 0.
    i = 0
    while i < n:
        if i % 10 == 0:
            acc = acc + i * 9
        elif i % 3 == 2:
            acc = acc - (i // 4)
        else:
            acc = acc ^ (i << 1)
        i += 1
    return acc % 1000003

def step9(n, acc=0):
    # Mixes n into acc with operation set 1.
    i = 0
    while i < n:
        if i % 11 == 0:
            acc = acc + i * 10
        elif i % 3 == 0:
            acc = acc - (i // 5)
        else:
            acc = acc ^ (i << 2)
        i += 1
    return acc % 1000003

def step10(n, acc=0):
    # Mixes n into acc with operation set 2.
    i = 0
    while i < n:
        if i % 12 == 0:
            acc = acc + i * 11
        elif i % 3 == 1:
            acc = acc - (i // 1)
        else:
            acc = acc ^ (i << 3)
        i += 1
    return acc % 1000003

def step11(n, acc=0):
    # Mixes n into acc with operation set 3.
    i = 0
    while i < n:
        if i % 13 == 0:
            acc = acc + i * 12
        elif i % 3 == 2:
            acc = acc - (i // 2)
        else:
            acc = acc ^ (i << 4)
        i += 1
    return acc % 1000003

def step12(n, acc=0):
    # Mixes n into acc with operation set 0.
    i = 0
    while i < n:
        if i % 14 == 0:
            acc = acc + i * 13
        elif i % 3 == 0:
            acc = acc - (i // 3)
        else:
            acc = acc ^ (i << 5)
        i += 1
    return acc % 1000003

def step13(n, acc=0):
    # Mixes n into acc with operation set 1.
    i = 0
    while i < n:
        if i % 15 == 0:
            acc = acc + i * 14
        elif i % 3 == 1:
            acc = acc - (i // 4)
        else:
            acc = acc ^ (i << 6)
        i += 1
    return acc % 1000003

def step14(n, acc=0):
    # Mixes n into acc with operation set 2.
    i = 0
    while i < n:
        if i % 16 == 0:
            acc = acc + i * 15
        elif i % 3 == 2:
            acc = acc - (i // 5)
        else:
            acc = acc ^ (i << 0)
        i += 1
    return acc % 1000003

def step15(n, acc=0):
    # Mixes n into acc with operation set 3.
    i = 0
    while i < n:
        if i % 17 == 0:
            acc = acc + i * 16
        elif i % 3 == 0:
            acc = acc - (i // 1)
        else:
            acc = acc ^ (i << 1)
        i += 1
    return acc % 1000003

def step16(n, acc=0):
    # Mixes n into acc with operation set 0.
    i = 0
    while i < n:
        if i % 18 == 0:
            acc = acc + i * 17
        elif i % 3 == 1:
            acc = acc - (i // 2)
        else:
            acc = acc ^ (i << 2)
        i += 1
    return acc % 1000003

def step17(n, acc=0):
    # Mixes n into acc with operation set 1.
    i = 0
    while i < n:
        if i % 19 == 0:
            acc = acc + i * 18
        elif i % 3 == 2:
            acc = acc - (i // 3)
        else:
            acc = acc ^ (i << 3)
        i += 1
    return acc % 1000003

def step18(n, acc=0):
    # Mixes n into acc with operation set 2.
    i = 0
    while i < n:
        if i % 20 == 0:
            acc = acc + i * 19
        elif i % 3 == 0:
            acc = acc - (i // 4)
        else:
            acc = acc ^ (i << 4)
        i += 1
    return acc % 1000003

def step19(n, acc=0):
    # Mixes n into acc with operation set 3.
    i = 0
    while i < n:
        if i % 21 == 0:
            acc = acc + i * 20
        elif i % 3 == 1:
            acc = acc - (i // 5)
        else:
            acc = acc ^ (i << 5)
        i += 1
    return acc % 1000003

def run_all(n):
    total = 0
    total = total + step0(n, 0)
    total = total + step1(n, 1)
    total = total + step2(n, 2)
    total = total + step3(n, 3)
    total = total + step4(n, 4)
    total = total + step5(n, 5)
    total = total + step6(n, 6)
    total = total + step7(n, 7)
    total = total + step8(n, 8)
    total = total + step9(n, 9)
    total = total + step10(n, 10)
    total = total + step11(n, 11)
    total = total + step12(n, 12)
    total = total + step13(n, 13)
    total = total + step14(n, 14)
    total = total + step15(n, 15)
    total = total + step16(n, 16)
    total = total + step17(n, 17)
    total = total + step18(n, 18)
    total = total + step19(n, 19)
    return total

def entry_point(argv):
    n = LIMIT
    if len(argv) > 1:
        n = int(argv[1])
    print LABEL, run_all(n)
    return 0

def target(driver, args):
    return entry_point, None
