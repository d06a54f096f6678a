# Lists of instances: searching, filtering and sorting by an attribute.

class Task(object):
    def __init__(self, name, prio):
        self.name = name
        self.prio = prio

def sort_by_prio(tasks):
    for i in range(1, len(tasks)):
        t = tasks[i]
        j = i - 1
        while j >= 0 and tasks[j].prio > t.prio:
            tasks[j + 1] = tasks[j]
            j -= 1
        tasks[j + 1] = t

def entry_point(argv):
    tasks = [Task("write", 3), Task("test", 1), Task("ship", 5), Task("plan", 1), Task("fix", 2)]
    sort_by_prio(tasks)
    print " ".join([t.name for t in tasks])
    urgent = [t for t in tasks if t.prio <= 2]
    print len(urgent), urgent[-1].name
    found = None
    for t in tasks:
        if t.name == "ship":
            found = t
    if found is not None:
        print "found", found.name, found.prio
    tasks.pop(0)
    print tasks[0].name
    return 0

def target(driver, args):
    return entry_point, None
