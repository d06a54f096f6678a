# listsort.make_timsort_class: the default TimSort sorts with <; a class
# made with a custom lt (or a subclass overriding lt) sorts by any key, and
# the sort is stable.

from rpython.rlib.listsort import make_timsort_class

# one class per kind of list: a TimSort class is annotated with one list type
TimSort = make_timsort_class()
StrSort = make_timsort_class()

class Person(object):
    def __init__(self, name, age):
        self.name = name
        self.age = age

def age_lt(a, b):
    return a.age < b.age

PersonSort = make_timsort_class(lt=age_lt)

class ReverseSort(TimSort):
    def lt(self, a, b):
        return a > b

def entry_point(argv):
    nums = [5, 3, 9, 1, 5, 8, 2, 7, 0, 6, 4]
    TimSort(nums).sort()
    print nums
    words = ["pear", "apple", "fig", "banana", "cherry"]
    StrSort(words).sort()
    print " ".join(words)
    people = [Person("ann", 31), Person("bob", 25), Person("cid", 31), Person("dee", 19), Person("eve", 25)]
    PersonSort(people).sort()
    print " ".join(["%s:%d" % (p.name, p.age) for p in people])
    big = []
    x = 12345
    for i in range(200):
        x = (x * 1103515245 + 12345) % 2147483648
        big.append(x % 1000)
    TimSort(big).sort()
    ok = True
    for i in range(1, len(big)):
        if big[i - 1] > big[i]:
            ok = False
    print ok, big[0], big[-1]
    rev = [3, 1, 2]
    ReverseSort(rev).sort()
    print rev
    return 0

def target(driver, args):
    return entry_point, None
