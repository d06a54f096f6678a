# Sorting algorithms on lists: quicksort (in place), merge sort (with
# slices and new lists) and a check against each other.

def quicksort(lst, lo, hi):
    if lo >= hi:
        return
    pivot = lst[(lo + hi) // 2]
    i = lo
    j = hi
    while i <= j:
        while lst[i] < pivot:
            i += 1
        while lst[j] > pivot:
            j -= 1
        if i <= j:
            lst[i], lst[j] = lst[j], lst[i]
            i += 1
            j -= 1
    quicksort(lst, lo, j)
    quicksort(lst, i, hi)

def merge_sort(lst):
    if len(lst) <= 1:
        return lst
    mid = len(lst) // 2
    left = merge_sort(lst[:mid])
    right = merge_sort(lst[mid:])
    out = []
    i = 0
    j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out

def pseudo_random(n, seed):
    out = []
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % 1000)
    return out

def entry_point(argv):
    data = pseudo_random(20, 7)
    print data
    q = data[:]
    quicksort(q, 0, len(q) - 1)
    print q
    m = merge_sort(data)
    print m == q, data == q
    big = pseudo_random(2000, 99)
    q2 = big[:]
    quicksort(q2, 0, len(q2) - 1)
    print merge_sort(big) == q2, q2[0], q2[-1]
    small = pseudo_random(7, 3)
    print merge_sort(small), small
    return 0

def target(driver, args):
    return entry_point, None
