"""Debugging helpers of RPython programs.

Untranslated (CPython 2.7), as RPython's own versions behave untranslated:
  debug_print(*args)     writes the args, separated by spaces, and a newline
                         to stderr
  debug_start(category)  writes '[TIMESTAMP] {category' to stderr
  debug_stop(category)   writes '[TIMESTAMP] category}' to stderr
  have_debug_prints()    True (debug_print output is always shown untranslated;
                         once translated it depends on PYPYLOG)
  debug_offset()         -1
  debug_flush()          nothing
  fatalerror(msg)        raises FatalError(msg) (translated: prints the
                         RPython traceback and aborts)
  ll_assert(cond, msg)   AssertionError(msg) if cond is false
  check_nonneg(x)        AssertionError unless x >= 0; returns x
  make_sure_not_resized(l), make_sure_not_modified(l), check_annotation(x, f):
                         return their argument (translation-time checks)
"""

import sys
import time


class FatalError(Exception):
    pass


def _timestamp():
    return int(time.time() * 1000000) & 0xFFFFFFFFFFFF


def debug_print(*args):
    sys.stderr.write(' '.join([str(a) for a in args]) + '\n')


def debug_print_once(key, *args):
    debug_print(*args)


def debug_start(category, timestamp=False):
    t = _timestamp()
    sys.stderr.write('[%x] {%s\n' % (t, category))
    if timestamp:
        return t
    return 0


def debug_stop(category, timestamp=False):
    t = _timestamp()
    sys.stderr.write('[%x] %s}\n' % (t, category))
    if timestamp:
        return t
    return 0


def have_debug_prints():
    return True


def have_debug_prints_for(category_prefix):
    return True


def debug_offset():
    return -1


def debug_flush():
    pass


def debug_forked(original_offset):
    pass


def fatalerror(msg):
    """Aborts the program with `msg` (untranslated: raises FatalError)."""
    raise FatalError(msg)


def fatalerror_notb(msg):
    """fatalerror() without the traceback."""
    raise FatalError(msg)

fatalerror._dont_inline_ = True
fatalerror._jit_look_inside_ = False
fatalerror_notb._dont_inline_ = True
fatalerror_notb._jit_look_inside_ = False


def ll_assert(x, msg):
    """An assertion kept in translated programs (RPyAssert)."""
    assert x, msg


def ll_assert_not_none(x):
    assert x is not None
    return x


def check_nonneg(x):
    """x, which must be a non-negative integer."""
    assert x >= 0
    return x


def make_sure_not_resized(arg):
    """arg (a list the translator must be able to make a fixed-size array)."""
    return arg


def make_sure_not_modified(arg):
    """arg (a list that must never be modified)."""
    return arg


def check_annotation(arg, checker):
    """arg (checker(annotation, bookkeeper) runs at translation time)."""
    return arg


def check_list_of_chars(l):
    for c in l:
        assert isinstance(c, str) and len(c) == 1
    return l


def attach_gdb():
    pass
