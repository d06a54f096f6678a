# Single inheritance: overriding methods, inherited methods and attributes,
# calls through the base class type.

class Animal(object):
    def __init__(self, name):
        self.name = name

    def sound(self):
        return "..."

    def speak(self):
        return self.name + " says " + self.sound()

    def legs(self):
        return 4

class Dog(Animal):
    def sound(self):
        return "woof"

class Bird(Animal):
    def sound(self):
        return "tweet"

    def legs(self):
        return 2

class Puppy(Dog):
    def sound(self):
        return "yip"

def entry_point(argv):
    zoo = [Animal("thing"), Dog("rex"), Bird("tweety"), Puppy("bit")]
    total_legs = 0
    for a in zoo:
        print a.speak()
        total_legs += a.legs()
    print "legs", total_legs
    return 0

def target(driver, args):
    return entry_point, None
