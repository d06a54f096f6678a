# newlist_hint(n) makes an empty list with room for n items;
# resizelist_hint(lst, n) grows its capacity. Neither changes the contents.

from rpython.rlib.objectmodel import newlist_hint, resizelist_hint

def squares(n):
    lst = newlist_hint(n)
    for i in range(n):
        lst.append(i * i)
    return lst

def entry_point(argv):
    s = squares(6)
    print s, len(s)
    words = newlist_hint(3)
    words.append("alpha")
    resizelist_hint(words, 100)
    words.append("beta")
    print len(words), " ".join(words)
    empty = newlist_hint(10)
    print len(empty)
    empty.append(1)
    print empty
    return 0

def target(driver, args):
    return entry_point, None
