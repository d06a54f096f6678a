# if / elif / else chains.

def word(i):
    if i % 15 == 0:
        return "FizzBuzz"
    elif i % 3 == 0:
        return "Fizz"
    elif i % 5 == 0:
        return "Buzz"
    else:
        return str(i)

def entry_point(argv):
    i = 1
    while i <= 20:
        print word(i)
        i += 1
    return 0

def target(driver, args):
    return entry_point, None
