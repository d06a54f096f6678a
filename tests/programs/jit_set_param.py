# set_param, set_user_param and the JIT parameters with their defaults.

from rpython.rlib import jit

driver = jit.JitDriver(greens=[], reds=['i', 'total'])

# module-level code runs at import time and may read the parameter table
THRESHOLD = jit.PARAMETERS['threshold']
FUNCTION_THRESHOLD = jit.PARAMETERS['function_threshold']
TRACE_EAGERNESS = jit.PARAMETERS['trace_eagerness']
DECAY = jit.PARAMETERS['decay']
TRACE_LIMIT = jit.PARAMETERS['trace_limit']
INLINING = jit.PARAMETERS['inlining']
LOOP_LONGEVITY = jit.PARAMETERS['loop_longevity']
RETRACE_LIMIT = jit.PARAMETERS['retrace_limit']
MAX_RETRACE_GUARDS = jit.PARAMETERS['max_retrace_guards']
MAX_UNROLL_LOOPS = jit.PARAMETERS['max_unroll_loops']
DISABLE_UNROLLING = jit.PARAMETERS['disable_unrolling']
MAX_UNROLL_RECURSION = jit.PARAMETERS['max_unroll_recursion']
ENABLE_OPTS = jit.PARAMETERS['enable_opts']

def loop(n):
    i = 0
    total = 0
    while i < n:
        driver.jit_merge_point(i=i, total=total)
        total += i
        i += 1
    return total

def entry_point(argv):
    print "threshold", THRESHOLD
    print "function_threshold", FUNCTION_THRESHOLD
    print "trace_eagerness", TRACE_EAGERNESS
    print "decay", DECAY
    print "trace_limit", TRACE_LIMIT
    print "inlining", INLINING
    print "loop_longevity", LOOP_LONGEVITY
    print "retrace_limit", RETRACE_LIMIT
    print "max_retrace_guards", MAX_RETRACE_GUARDS
    print "max_unroll_loops", MAX_UNROLL_LOOPS
    print "disable_unrolling", DISABLE_UNROLLING
    print "max_unroll_recursion", MAX_UNROLL_RECURSION
    print "enable_opts", ENABLE_OPTS
    print "all opts", jit.ENABLE_ALL_OPTS
    jit.set_param(driver, "threshold", 3)
    jit.set_param(driver, "trace_limit", 10000)
    jit.set_param(None, "function_threshold", 5)
    jit.set_user_param(driver, "threshold=100,inlining=0")
    jit.set_user_param(None, "off")
    print loop(1000)
    return 0

def target(driver, args):
    return entry_point, None
