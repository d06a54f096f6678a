# Methods calling other methods, methods modifying other objects and
# objects referring to each other.

class Employee(object):
    def __init__(self, name, salary):
        self.name = name
        self.salary = salary
        self.manager = None

    def raise_salary(self, percent):
        self.salary += self.salary * percent // 100

    def chain(self):
        out = self.name
        m = self.manager
        while m is not None:
            out += " -> " + m.name
            m = m.manager
        return out

class Team(object):
    def __init__(self, lead):
        self.lead = lead
        self.members = []

    def add(self, e):
        e.manager = self.lead
        self.members.append(e)

    def payroll(self):
        total = self.lead.salary
        for m in self.members:
            total += m.salary
        return total

    def raise_all(self, percent):
        for m in self.members:
            m.raise_salary(percent)

def entry_point(argv):
    boss = Employee("boss", 1000)
    lead = Employee("lead", 500)
    lead.manager = boss
    team = Team(lead)
    team.add(Employee("ann", 300))
    team.add(Employee("bob", 200))
    print team.payroll()
    team.raise_all(10)
    print team.payroll()
    print team.members[1].chain()
    print boss.chain()
    return 0

def target(driver, args):
    return entry_point, None
