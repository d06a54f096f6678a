# while/else, break/continue, for loops over range and sequences.

def count(n):
    i = 0
    while i < n:
        i = i + 1
    return i

def while_else(n):
    i = 0
    while i < n:
        if i == 5:
            break
        i += 1
    else:
        return -1
    return i

def while_continue(n):
    total = 0
    i = 0
    while i < n:
        i += 1
        if i % 2:
            continue
        total += i
    return total

def while_true(n):
    while True:
        n -= 1
        if n < 0:
            break
    return n

def for_range(n):
    total = 0
    for i in range(n):
        total += i
    return total

def for_else(seq, x):
    for item in seq:
        if item == x:
            found = item
            break
    else:
        found = None
    return found

def for_tuple_target(pairs):
    s = 0
    for k, v in pairs:
        s += k * v
    return s

def nested(n):
    count = 0
    for i in range(n):
        j = 0
        while j < i:
            if j == 3:
                break
            count += 1
            j += 1
    return count

def body_local_dropped(n):
    i = 0
    while i < n:
        tmp = i * 2
        i += 1
    return i

def del_in_loop(n):
    x = 0
    while n:
        del x
        x = n
        n -= 1
    return x

def del_temp_retry(n):
    x = 0
    while n:
        x = n * 2
        n -= x
        del x
    return n
