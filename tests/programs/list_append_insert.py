# list.append and list.insert at the front, middle and end (RPython needs
# insert indexes between 0 and len(lst)).

def entry_point(argv):
    lst = []
    for i in range(5):
        lst.append(i * 10)
    print lst, len(lst)
    lst.insert(0, -1)
    lst.insert(3, 99)
    lst.insert(len(lst), 1000)
    lst.insert(len(lst) - 1, 7)
    print lst
    words = ["bb"]
    words.insert(0, "aa")
    words.append("cc")
    print " ".join(words)
    big = []
    for i in range(1000):
        big.append(i)
    print len(big), big[999]
    return 0

def target(driver, args):
    return entry_point, None
