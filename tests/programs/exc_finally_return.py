# return inside try, except and finally clauses.

class Boom(Exception):
    pass

def ret_in_try(log):
    try:
        return 1
    finally:
        log.append("finally after return")

def ret_in_except(flag):
    try:
        if flag:
            raise Boom
        return "no error"
    except Boom:
        return "handled"

def finally_overrides(flag):
    try:
        if flag:
            raise Boom
        x = 1
    finally:
        return 99
    return x

def counter_in_finally():
    count = 0
    for i in range(3):
        try:
            if i == 1:
                return count * 100 + i
        finally:
            count += 1
    return -1

def entry_point(argv):
    log = []
    print ret_in_try(log)
    print log[0]
    print ret_in_except(True), ret_in_except(False)
    print finally_overrides(True), finally_overrides(False)
    print counter_in_finally()
    return 0

def target(driver, args):
    return entry_point, None
