# debug_start, debug_print, debug_stop, have_debug_prints and debug_flush
# write to the debug log (stderr when enabled), never to stdout; the
# program's stdout is the same whether the log is on or off.

from rpython.rlib.debug import debug_start, debug_stop, debug_print, have_debug_prints, debug_flush

def work(n):
    debug_start("test-work")
    total = 0
    for i in range(n):
        total += i
        debug_print("step", i, total)
    if have_debug_prints():
        debug_print("have debug prints")
    debug_stop("test-work")
    debug_flush()
    return total

def entry_point(argv):
    print work(10)
    print "done"
    return 0

def target(driver, args):
    return entry_point, None
