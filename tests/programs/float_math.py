# The math module on floats.

import math

def p(name, x):
    print "%s %f" % (name, x)

def entry_point(argv):
    x = 2.0 + len(argv) - 1
    p("sqrt", math.sqrt(x))
    p("exp", math.exp(x))
    p("log", math.log(x))
    p("log10", math.log10(1000.0))
    p("sin", math.sin(x))
    p("cos", math.cos(x))
    p("tan", math.tan(0.5))
    p("atan", math.atan(1.0))
    p("atan2", math.atan2(1.0, -1.0))
    p("asin", math.asin(0.5))
    p("acos", math.acos(0.5))
    p("pow", math.pow(x, 10.0))
    p("hypot", math.hypot(3.0, 4.0))
    p("fabs", math.fabs(-3.5))
    p("floor", math.floor(-2.5))
    p("ceil", math.ceil(-2.5))
    p("fmod", math.fmod(7.5, 2.0))
    p("pi", math.pi)
    p("e", math.e)
    p("sinh", math.sinh(1.0))
    p("cosh", math.cosh(1.0))
    p("tanh", math.tanh(0.5))
    m = math.modf(3.75)
    p("modf frac", m[0])
    p("modf int", m[1])
    f = math.frexp(48.0)
    print "frexp", f[1]
    p("frexp mantissa", f[0])
    p("ldexp", math.ldexp(0.75, 6))
    print math.isinf(x), math.isnan(x)
    return 0

def target(driver, args):
    return entry_point, None
